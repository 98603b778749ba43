package dev.perfplatform.moalog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * One client of the app as the web client is: it keeps the cookies the app sets (whatever their {@code Secure} flag,
 * since tests speak plain HTTP), sends them back with an allowed {@code Origin}, and can add a bearer token instead.
 * One instance per device.
 */
public final class Browser {

    /** An origin the tests' app allows. */
    public static final String ORIGIN = "http://localhost:5173";

    private final String base;
    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    private final Map<String, String> cookies = new LinkedHashMap<>();
    private String origin = ORIGIN;

    public Browser(String base) {
        this.base = base;
    }

    /** Sends from {@code origin} from now on ({@code null}: no Origin header). */
    public Browser from(@Nullable String origin) {
        this.origin = origin;
        return this;
    }

    public HttpResponse<String> get(String path) {
        return send("GET", path, "", null);
    }

    public HttpResponse<String> post(String path, String body) {
        return send("POST", path, body, null);
    }

    /** A request with {@code Authorization: Bearer token} and none of the cookies. */
    public HttpResponse<String> bearer(String method, String path, String body, String token) {
        return send(method, path, body, token);
    }

    public HttpResponse<String> send(String method, String path, String body, @Nullable String bearer) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(20))
                .method(
                        method,
                        body.isEmpty()
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(body));
        if (!body.isEmpty()) {
            request.header("Content-Type", "application/json");
        }
        if (origin != null) {
            request.header("Origin", origin);
        }
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        } else if (!cookies.isEmpty()) {
            request.header(
                    "Cookie",
                    cookies.entrySet().stream()
                            .map(cookie -> cookie.getKey() + "=" + cookie.getValue())
                            .collect(Collectors.joining("; ")));
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            keepCookies(response);
            return response;
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The cookie's current value, or null. */
    public @Nullable String cookie(String name) {
        return cookies.get(name);
    }

    public void setCookie(String name, String value) {
        cookies.put(name, value);
    }

    private void keepCookies(HttpResponse<String> response) {
        for (String header : response.headers().allValues("Set-Cookie")) {
            for (HttpCookie cookie : HttpCookie.parse(header)) {
                if (cookie.getMaxAge() == 0 || cookie.getValue().isEmpty()) {
                    cookies.remove(cookie.getName());
                } else {
                    cookies.put(cookie.getName(), cookie.getValue());
                }
            }
        }
    }
}
