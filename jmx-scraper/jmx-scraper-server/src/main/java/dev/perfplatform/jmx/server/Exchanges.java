package dev.perfplatform.jmx.server;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/** What every endpoint does with an exchange: method check, query parameters, short text answers. */
final class Exchanges {

    static final String TEXT = "text/plain; charset=utf-8";

    private Exchanges() {}

    /** An endpoint's answer to a GET or HEAD; {@link #readOnly(ReadOnlyEndpoint)} makes it a handler. */
    interface ReadOnlyEndpoint {
        void get(HttpExchange exchange) throws IOException;
    }

    /** A handler that answers GET and HEAD with {@code endpoint}, anything else with 405, and closes the exchange. */
    static HttpHandler readOnly(ReadOnlyEndpoint endpoint) {
        return exchange -> {
            try (exchange) {
                if (readOnly(exchange)) {
                    endpoint.get(exchange);
                }
            }
        };
    }

    /** Answers 405 (with {@code Allow}) and returns false unless the method is GET or HEAD. */
    private static boolean readOnly(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        if (method.equals("GET") || method.equals("HEAD")) {
            return true;
        }
        exchange.getResponseHeaders().set("Allow", "GET, HEAD");
        send(exchange, 405, TEXT, "method not allowed: " + method + "\n");
        return false;
    }

    /** The first value of a query parameter, decoded, or null. */
    static @Nullable String parameter(HttpExchange exchange, String name) {
        String query = exchange.getRequestURI().getRawQuery();
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&", -1)) {
            int equals = pair.indexOf('=');
            String key = decode(equals < 0 ? pair : pair.substring(0, equals));
            if (key.equals(name)) {
                return equals < 0 ? "" : decode(pair.substring(equals + 1));
            }
        }
        return null;
    }

    /** Sends a whole small body (none for HEAD) and closes the exchange. */
    static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        if (exchange.getRequestMethod().equals("HEAD")) {
            exchange.sendResponseHeaders(status, -1);
        } else {
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
        exchange.close();
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text;
        }
    }
}
