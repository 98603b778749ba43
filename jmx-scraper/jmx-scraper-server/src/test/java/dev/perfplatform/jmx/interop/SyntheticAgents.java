package dev.perfplatform.jmx.interop;

import com.sun.net.httpserver.HttpExchange;
import dev.perfplatform.jmx.testing.FakeJolokia;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Fake Jolokia agents for load and memory tests: well-behaved ones with many attributes, and hostile ones. */
final class SyntheticAgents {

    static final String JSON = "application/json";
    static final int ATTRIBUTES_PER_MBEAN = 50;

    private SyntheticAgents() {}

    /** An agent serving {@code attributes} long attributes over MBeans {@code synthetic:type=Generated,name=gN}. */
    static FakeJolokia wellBehaved(int attributes) throws IOException {
        String read = read(attributes);
        String list = list(attributes);
        return new FakeJolokia(
                (exchange, body) -> FakeJolokia.send(exchange, 200, JSON, body.contains("\"list\"") ? list : read));
    }

    /** An agent whose answers stop halfway through the JSON. */
    static FakeJolokia truncated() throws IOException {
        String read = read(100);
        String list = list(100);
        return new FakeJolokia((exchange, body) -> FakeJolokia.send(
                exchange, 200, JSON, (body.contains("\"list\"") ? list : read).substring(0, read.length() / 2)));
    }

    /** An agent behind a proxy that answers with an HTML error page. */
    static FakeJolokia htmlError() throws IOException {
        return new FakeJolokia((exchange, body) -> FakeJolokia.send(
                exchange, 500, "text/html", "<html><body><h1>500 Internal Server Error</h1></body></html>"));
    }

    /** An agent that answers every request of the bulk with an error object. */
    static FakeJolokia errorObjects() throws IOException {
        return new FakeJolokia((exchange, body) -> FakeJolokia.send(
                exchange,
                200,
                JSON,
                "[{\"status\":403,\"error_type\":\"java.lang.SecurityException\",\"error\":\"denied by policy\"}]"));
    }

    /**
     * An agent that answers with a 50 MB body of valid-looking JSON (one MBean with ever more attributes), the
     * worst case for a parser that builds a tree.
     */
    static FakeJolokia fiftyMegabytes() throws IOException {
        return new FakeJolokia(SyntheticAgents::sendFiftyMegabytes);
    }

    private static void sendFiftyMegabytes(HttpExchange exchange, String body) throws IOException {
        long fifty = 50L * 1024 * 1024;
        exchange.getResponseHeaders().set("Content-Type", JSON);
        exchange.sendResponseHeaders(200, 0); // chunked: the length is not announced
        OutputStream out = exchange.getResponseBody();
        out.write("[{\"status\":200,\"value\":{\"big:type=Huge\":{".getBytes(StandardCharsets.UTF_8));
        StringBuilder chunk = new StringBuilder(64 * 1024);
        long sent = 0;
        for (long attribute = 0; sent < fifty; ) {
            chunk.setLength(0);
            while (chunk.length() < 60 * 1024) {
                chunk.append("\"A")
                        .append(attribute++)
                        .append("\":")
                        .append(attribute)
                        .append(',');
            }
            byte[] bytes = chunk.toString().getBytes(StandardCharsets.UTF_8);
            out.write(bytes);
            sent += bytes.length;
        }
    }

    private static String read(int attributes) {
        StringBuilder json = new StringBuilder("[{\"status\":200,\"value\":{");
        for (int mbean = 0; mbean * ATTRIBUTES_PER_MBEAN < attributes; mbean++) {
            json.append(mbean == 0 ? "" : ",")
                    .append("\"synthetic:type=Generated,name=g")
                    .append(mbean)
                    .append("\":{");
            for (int i = 0; i < ATTRIBUTES_PER_MBEAN && mbean * ATTRIBUTES_PER_MBEAN + i < attributes; i++) {
                json.append(i == 0 ? "" : ",")
                        .append("\"Attr")
                        .append(i)
                        .append("\":")
                        .append(mbean * 1000 + i);
            }
            json.append('}');
        }
        return json.append("}}]").toString();
    }

    private static String list(int attributes) {
        StringBuilder json = new StringBuilder("[{\"status\":200,\"value\":{\"synthetic\":{");
        for (int mbean = 0; mbean * ATTRIBUTES_PER_MBEAN < attributes; mbean++) {
            json.append(mbean == 0 ? "" : ",")
                    .append("\"type=Generated,name=g")
                    .append(mbean)
                    .append("\":{\"attr\":{");
            for (int i = 0; i < ATTRIBUTES_PER_MBEAN && mbean * ATTRIBUTES_PER_MBEAN + i < attributes; i++) {
                json.append(i == 0 ? "" : ",")
                        .append("\"Attr")
                        .append(i)
                        .append("\":{\"type\":\"long\",\"desc\":\"generated\",\"rw\":false}");
            }
            json.append("}}");
        }
        return json.append("}}}]").toString();
    }
}
