package dev.perfplatform.testing.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * Sends requests with the path exactly as written ({@code %61}, {@code ;}, {@code //} reach the server unchanged)
 * to one base URL, with a JSON content type on every request that has a body.
 */
public final class RawHttpClient {

    private final String base;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** A client of {@code base}, e.g. {@code http://127.0.0.1:8081}, without a trailing slash. */
    public RawHttpClient(String base) {
        if (base.endsWith("/")) {
            throw new IllegalArgumentException("base must not end with /: " + base);
        }
        this.base = base;
    }

    /** {@code method rawPath} with {@code headers} and {@code body} (none when empty); the answer as text. */
    public HttpResponse<String> send(String method, String rawPath, Map<String, String> headers, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + rawPath))
                .timeout(Duration.ofSeconds(20))
                .method(
                        method,
                        body.isEmpty()
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(body));
        if (!body.isEmpty()) {
            request.header("Content-Type", "application/json");
        }
        headers.forEach(request::header);
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + rawPath + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted sending " + method + " " + rawPath, e);
        }
    }
}
