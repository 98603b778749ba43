package dev.perfplatform.testing.resp;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A blocking RESP2 client of about a hundred lines: enough to probe, administer and clean up the Redis servers that
 * tests use, without putting a Redis client library on every test class path.
 *
 * <p>Replies map to Java as: simple and bulk strings to {@link String}, integers to {@link Long}, arrays to {@link
 * List}, nil to {@code null}; an error reply throws {@link RedisErrorReply}.
 */
public final class RespClient implements Closeable {

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    private RespClient(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new BufferedInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
    }

    /** Connects, failing with an {@link UncheckedIOException} when nothing answers within {@code timeout}. */
    public static RespClient connect(String host, int port, Duration timeout) {
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
            socket.setSoTimeout((int) timeout.toMillis());
            socket.setTcpNoDelay(true);
            return new RespClient(socket);
        } catch (IOException e) {
            closeQuietly(socket);
            throw new UncheckedIOException(
                    "cannot connect to Redis at " + host + ":" + port + ": " + e.getMessage(), e);
        }
    }

    /** Sends one command and returns its reply. */
    public @Nullable Object command(String... args) {
        try {
            ByteArrayOutputStream request = new ByteArrayOutputStream();
            request.write(("*" + args.length + "\r\n").getBytes(StandardCharsets.US_ASCII));
            for (String arg : args) {
                byte[] bytes = arg.getBytes(StandardCharsets.UTF_8);
                request.write(("$" + bytes.length + "\r\n").getBytes(StandardCharsets.US_ASCII));
                request.write(bytes);
                request.write('\r');
                request.write('\n');
            }
            out.write(request.toByteArray());
            out.flush();
            return readReply();
        } catch (IOException e) {
            throw new UncheckedIOException("Redis command " + args[0] + " failed: " + e.getMessage(), e);
        }
    }

    /** Sends a command whose reply must be a string (or nil) and returns it. */
    public @Nullable String string(String... args) {
        return (String) command(args);
    }

    /** Sends a command whose reply must be an array and returns it. */
    public List<?> array(String... args) {
        Object reply = command(args);
        if (reply instanceof List<?> list) {
            return list;
        }
        throw new IllegalStateException(args[0] + " answered " + reply + " instead of an array");
    }

    private @Nullable Object readReply() throws IOException {
        int type = in.read();
        if (type < 0) {
            throw new IOException("connection closed by server");
        }
        String line = readLine();
        return switch (type) {
            case '+' -> line;
            case '-' -> throw new RedisErrorReply(line);
            case ':' -> Long.parseLong(line);
            case '$' -> readBulk(Integer.parseInt(line));
            case '*' -> readArray(Integer.parseInt(line));
            default -> throw new IOException("unexpected RESP type byte '" + (char) type + "'");
        };
    }

    private @Nullable List<@Nullable Object> readArray(int count) throws IOException {
        if (count < 0) {
            return null;
        }
        List<@Nullable Object> items = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            items.add(readReply());
        }
        return items;
    }

    private @Nullable String readBulk(int length) throws IOException {
        if (length < 0) {
            return null;
        }
        byte[] bytes = in.readNBytes(length + 2);
        if (bytes.length < length + 2) {
            throw new IOException("connection closed inside a bulk reply");
        }
        return new String(bytes, 0, length, StandardCharsets.UTF_8);
    }

    private String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != '\r') {
            if (b < 0) {
                throw new IOException("connection closed inside a reply");
            }
            line.write(b);
        }
        in.read(); // the '\n' after '\r'
        return line.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        closeQuietly(socket);
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // nothing useful to do: the socket is going away either way
        }
    }

    /** An error reply from the server ({@code -ERR ...}, {@code -NOAUTH ...}). */
    public static final class RedisErrorReply extends RuntimeException {
        private static final long serialVersionUID = 1L;

        RedisErrorReply(String message) {
            super(message);
        }
    }
}
