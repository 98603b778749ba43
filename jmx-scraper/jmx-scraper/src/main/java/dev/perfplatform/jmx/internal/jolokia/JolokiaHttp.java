package dev.perfplatform.jmx.internal.jolokia;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.InterruptedIOException;
import java.io.Reader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jolokia.json.parser.JSONParser;
import org.jolokia.json.parser.ParseException;
import org.jspecify.annotations.Nullable;

/**
 * POSTs one JSON body to a Jolokia agent and parses the answer, within a deadline that covers connecting, the
 * headers and the whole body, and never reading more than the byte cap. Every failure becomes one
 * {@link IOException} whose message names the agent (without credentials) and the cause.
 */
final class JolokiaHttp {

    private final HttpClient client;
    private final URI url;
    private final String safeUrl;
    private final @Nullable String authorization;
    private final long maxResponseBytes;

    JolokiaHttp(HttpClient client, URI url, @Nullable String username, @Nullable String password, long maxBytes) {
        this.client = client;
        this.url = url;
        this.safeUrl = url.getScheme() + "://" + url.getHost() + (url.getPort() < 0 ? "" : ":" + url.getPort())
                + (url.getRawPath() == null ? "" : url.getRawPath());
        this.authorization = username == null
                ? null
                : "Basic "
                        + Base64.getEncoder()
                                .encodeToString((username + ":" + (password == null ? "" : password))
                                        .getBytes(StandardCharsets.UTF_8));
        this.maxResponseBytes = maxBytes;
    }

    /** The agent's URL without credentials or query, for messages. */
    String safeUrl() {
        return safeUrl;
    }

    /** POSTs {@code body} with the processing parameters {@code query} and returns the parsed JSON answer. */
    Object post(String body, String query, long deadlineNanos) throws IOException {
        long remaining = remaining(deadlineNanos);
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint(query))
                .timeout(Duration.ofNanos(remaining))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        HttpResponse<InputStream> response = send(request.build(), deadlineNanos);
        try (InputStream in = response.body()) {
            if (response.statusCode() != 200) {
                throw new IOException("Jolokia at " + safeUrl + " answered HTTP " + response.statusCode());
            }
            String contentType =
                    response.headers().firstValue("Content-Type").orElse("").toLowerCase(Locale.ROOT);
            if (contentType.contains("html")) {
                throw new IOException("Jolokia at " + safeUrl + " answered " + contentType + ", not JSON");
            }
            return parse(in, deadlineNanos);
        }
    }

    private HttpResponse<InputStream> send(HttpRequest request, long deadlineNanos) throws IOException {
        CompletableFuture<HttpResponse<InputStream>> call =
                client.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream());
        try {
            return call.get(remaining(deadlineNanos), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            call.cancel(true);
            throw new HttpTimeoutException("Jolokia at " + safeUrl + " did not answer within the deadline");
        } catch (InterruptedException e) {
            call.cancel(true);
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while reading Jolokia at " + safeUrl);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            if (cause instanceof HttpTimeoutException) {
                throw new HttpTimeoutException("Jolokia at " + safeUrl + " did not answer within the deadline");
            }
            throw new IOException("cannot reach Jolokia at " + safeUrl + ": " + cause, cause);
        }
    }

    private Object parse(InputStream in, long deadlineNanos) throws IOException {
        AtomicBoolean done = new AtomicBoolean();
        AtomicBoolean timedOut = new AtomicBoolean();
        CompletableFuture.delayedExecutor(remaining(deadlineNanos), TimeUnit.NANOSECONDS)
                .execute(() -> {
                    if (!done.get()) {
                        timedOut.set(true);
                        closeQuietly(in);
                    }
                });
        try (Reader reader =
                new InputStreamReader(new CappedInputStream(in, maxResponseBytes), StandardCharsets.UTF_8)) {
            Object json = new JSONParser().parse(reader);
            if (json == null) {
                throw new IOException("Jolokia at " + safeUrl + " answered an empty body");
            }
            return json;
        } catch (CappedInputStream.ResponseTooLargeException e) {
            throw new IOException("Jolokia at " + safeUrl + ": " + e.getMessage(), e);
        } catch (IOException | ParseException | RuntimeException e) {
            if (timedOut.get()) {
                throw new HttpTimeoutException(
                        "Jolokia at " + safeUrl + " did not send its answer within the deadline");
            }
            throw new IOException("Jolokia at " + safeUrl + " answered invalid JSON: " + e.getMessage(), e);
        } finally {
            done.set(true);
        }
    }

    private URI endpoint(String query) {
        String base = url.toString();
        return URI.create(base + (base.contains("?") ? "&" : "?") + query);
    }

    private long remaining(long deadlineNanos) throws HttpTimeoutException {
        long remaining = deadlineNanos - System.nanoTime();
        if (remaining <= 0) {
            throw new HttpTimeoutException("deadline passed before reading Jolokia at " + safeUrl);
        }
        return remaining;
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException e) {
            // closing only unblocks the reader; its failure is reported there
        }
    }
}
