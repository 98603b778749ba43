package dev.perfplatform.ratelimit.redis;

import dev.perfplatform.testing.redis.RedisNode;
import dev.perfplatform.testing.resp.RespClient;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The commands a redis-server runs, those of Lua scripts included, as {@code MONITOR} shows them: how a test counts
 * the work a script does inside one call. {@code MONITOR} needs a connection of its own that does nothing else, so
 * this is a raw socket rather than a {@link RespClient}.
 */
final class ScriptCommandMonitor implements AutoCloseable {

    private static final Pattern ARGUMENT = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");

    private final RedisNode node;
    private final Socket socket;
    private final BufferedReader lines;
    private int markers;

    private ScriptCommandMonitor(RedisNode node) throws IOException {
        this.node = node;
        this.socket = new Socket();
        socket.connect(new InetSocketAddress(node.host(), node.port()), 5_000);
        socket.setSoTimeout(10_000);
        this.lines = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
        OutputStream out = socket.getOutputStream();
        out.write("MONITOR\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
        String ok = lines.readLine();
        if (!"+OK".equals(ok)) {
            throw new IllegalStateException("MONITOR answered " + ok);
        }
    }

    /** Starts watching {@code node}. */
    static ScriptCommandMonitor watch(RedisNode node) {
        try {
            return new ScriptCommandMonitor(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The arguments of every {@code command} run since the last call, in order (the command name left out). */
    List<List<String>> runSinceLastCall(String command) {
        String marker = "monitor-marker-" + ++markers;
        try (RespClient client = node.client()) {
            client.command("ECHO", marker);
        }
        List<List<String>> found = new ArrayList<>();
        try {
            for (String line = lines.readLine(); line != null && !line.contains(marker); line = lines.readLine()) {
                List<String> arguments = new ArrayList<>();
                Matcher matcher = ARGUMENT.matcher(line);
                while (matcher.find()) {
                    arguments.add(matcher.group(1));
                }
                if (!arguments.isEmpty() && arguments.get(0).equalsIgnoreCase(command)) {
                    found.add(arguments.subList(1, arguments.size()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
