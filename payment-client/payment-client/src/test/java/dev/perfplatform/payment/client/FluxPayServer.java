package dev.perfplatform.payment.client;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A fresh {@link MockWebServer} per test answering in FluxPay's envelope, and a client pointed at it with virtual
 * time. Register with {@code @RegisterExtension}.
 */
final class FluxPayServer implements BeforeEachCallback, AfterEachCallback {

    static final String API_KEY = "sk_test_7Hq2LmZpXw9Rt4Yb";

    final FakeTimekeeper time = new FakeTimekeeper();
    private MockWebServer server;
    private FluxPayClient client;

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        server = new MockWebServer();
        server.start();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (client != null) {
            client.close();
        }
        server.close();
    }

    /** The client with default settings (built on first use). */
    FluxPayClient client() {
        if (client == null) {
            client = builder().build();
        }
        return client;
    }

    /** A builder pointed at the server with virtual time. */
    FluxPayClient.Builder builder() {
        return FluxPayClient.builder().baseUrl(baseUrl()).apiKey(API_KEY).timekeeper(time);
    }

    String baseUrl() {
        return server.url("/").toString();
    }

    /** Answers {@code status} with {@code {"success":true,"data":<data>,"metadata":{...}}}. */
    FluxPayServer data(int status, String data) {
        server.enqueue(json(
                status,
                "{\"success\":true,\"data\":" + data
                        + ",\"metadata\":{\"timestamp\":\"2026-03-01T12:00:00Z\",\"traceId\":\"trace-1\"}}"));
        return this;
    }

    /** Answers {@code status} with an error envelope. */
    FluxPayServer error(int status, String code, String message) {
        server.enqueue(json(status, errorBody(code, message)));
        return this;
    }

    /** Answers {@code status} with an error envelope and a {@code Retry-After}. */
    FluxPayServer error(int status, String code, String retryAfter, String message) {
        server.enqueue(new MockResponse.Builder()
                .code(status)
                .setHeader("Content-Type", "application/json")
                .setHeader("Retry-After", retryAfter)
                .body(errorBody(code, message))
                .build());
        return this;
    }

    /** Answers with any response. */
    FluxPayServer enqueue(MockResponse response) {
        server.enqueue(response);
        return this;
    }

    /** Drops the connection once the request arrived, without an answer. */
    FluxPayServer dropConnection() {
        server.enqueue(new MockResponse.Builder()
                .onResponseStart(SocketEffect.ShutdownConnection.INSTANCE)
                .build());
        return this;
    }

    RecordedRequest take() throws InterruptedException {
        RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
        if (request == null) {
            throw new AssertionError("no request arrived");
        }
        return request;
    }

    int requestCount() {
        return server.getRequestCount();
    }

    private static String errorBody(String code, String message) {
        return "{\"success\":false,\"error\":{\"code\":\"" + code + "\",\"message\":\"" + message
                + "\"},\"metadata\":{\"timestamp\":\"2026-03-01T12:00:00Z\",\"traceId\":\"trace-err\"}}";
    }

    private static MockResponse json(int status, String body) {
        return new MockResponse.Builder()
                .code(status)
                .setHeader("Content-Type", "application/json")
                .body(body)
                .build();
    }
}
