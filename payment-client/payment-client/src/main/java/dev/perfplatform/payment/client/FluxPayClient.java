package dev.perfplatform.payment.client;

import dev.perfplatform.payment.client.internal.Args;
import dev.perfplatform.payment.client.internal.Decoders;
import dev.perfplatform.payment.client.internal.HeadersInterceptor;
import dev.perfplatform.payment.client.internal.Json;
import dev.perfplatform.payment.client.internal.Redactor;
import dev.perfplatform.payment.client.internal.SystemTimekeeper;
import dev.perfplatform.payment.client.internal.Timekeeper;
import dev.perfplatform.payment.client.internal.Transport;
import java.time.Duration;
import java.util.Objects;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;

/**
 * The FluxPay merchant API: {@link #orders()}, {@link #payments()}, {@link #refunds()} and {@link
 * #webhookDeliveries()}, each with synchronous and {@code CompletableFuture} methods. Thread-safe; build one per
 * application and {@link #close()} it at shutdown.
 *
 * <pre>{@code
 * try (FluxPayClient client = FluxPayClient.builder()
 *         .baseUrl("http://localhost:8081")
 *         .apiKey(System.getenv("FLUXPAY_API_KEY"))
 *         .build()) {
 *     Order order = client.orders().create(CreateOrderRequest.of(
 *             "user-42", Currency.getInstance("KRW"), new LineItem("pro", "PRO plan", 1, 9_900)));
 *     Payment payment = client.payments().create(CreatePaymentRequest.forOrder(order));
 * }
 * }</pre>
 *
 * <p>Every POST carries an {@code Idempotency-Key} (the caller's, or one generated per call and reused by the
 * client's own retries); failures are retried per the {@link RetryPolicy}; errors are {@link FluxPayException}s.
 */
public final class FluxPayClient implements AutoCloseable {

    /** Connect timeout of the client's {@link OkHttpClient}. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);

    /** Read timeout (between two bytes of the answer); long enough for a confirm the provider is slow with. */
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(30);

    /** Write timeout (between two bytes of the request). */
    public static final Duration DEFAULT_WRITE_TIMEOUT = Duration.ofSeconds(30);

    /**
     * Largest response body the client reads, 1 MiB: FluxPay's answers are a few kilobytes (a page of 100 payments
     * some tens), so anything larger is not FluxPay's and must not cost the heap.
     */
    public static final int DEFAULT_MAX_RESPONSE_BYTES = 1024 * 1024;

    /** Path of the API below the base URL. */
    public static final String API_PATH = "api/v1";

    private final HttpUrl baseUrl;
    private final OkHttpClient http;
    private final boolean ownsHttp;
    private final Transport transport;
    private final @Nullable SystemTimekeeper ownTimekeeper;
    private final Orders orders;
    private final Payments payments;
    private final Refunds refunds;
    private final WebhookDeliveries webhookDeliveries;

    private FluxPayClient(Builder builder, HttpUrl baseUrl, String apiKey) {
        this.baseUrl = baseUrl;
        OkHttpClient base = builder.okHttpClient;
        this.ownsHttp = base == null;
        this.http = (base == null ? new OkHttpClient.Builder() : base.newBuilder())
                .connectTimeout(builder.connectTimeout)
                .readTimeout(builder.readTimeout)
                .writeTimeout(builder.writeTimeout)
                .followRedirects(false)
                .addInterceptor(new HeadersInterceptor(apiKey, userAgent()))
                .build();
        Timekeeper time = builder.timekeeper;
        this.ownTimekeeper = time == null ? new SystemTimekeeper() : null;
        var json = Json.mapper();
        this.transport = new Transport(
                http,
                json,
                apiBase(baseUrl),
                builder.retryPolicy,
                builder.listener,
                Objects.requireNonNullElse(time, ownTimekeeper),
                new Redactor(apiKey),
                builder.maxResponseBytes);
        var decoders = new Decoders(json);
        this.orders = new Orders(transport, decoders);
        this.payments = new Payments(transport, decoders);
        this.refunds = new Refunds(transport, decoders);
        this.webhookDeliveries = new WebhookDeliveries(transport, decoders);
    }

    /** A builder; {@link Builder#baseUrl(String)} and {@link Builder#apiKey(String)} are required. */
    public static Builder builder() {
        return new Builder();
    }

    /** Orders: create, get, list, cancel. */
    public Orders orders() {
        return orders;
    }

    /** Payments: create, confirm, get, list. */
    public Payments payments() {
        return payments;
    }

    /** Refunds: create, get, list for a payment. */
    public Refunds refunds() {
        return refunds;
    }

    /** The webhook delivery log: list, replay. */
    public WebhookDeliveries webhookDeliveries() {
        return webhookDeliveries;
    }

    /** The base URL (the API is below it at {@value #API_PATH}). */
    public String baseUrl() {
        return baseUrl.toString();
    }

    /**
     * Refuses new calls and ends pending asynchronous retries with a {@link FluxPayTransportException}. When the
     * client built its own {@link OkHttpClient} its threads and connections are released; a caller-supplied one is
     * left to its owner.
     */
    @Override
    public void close() {
        transport.close();
        if (ownTimekeeper != null) {
            ownTimekeeper.close();
        }
        if (ownsHttp) {
            http.dispatcher().executorService().shutdown();
            http.connectionPool().evictAll();
        }
    }

    @Override
    public String toString() {
        return "FluxPayClient{baseUrl=" + baseUrl + "}";
    }

    private static HttpUrl apiBase(HttpUrl baseUrl) {
        String path = baseUrl.encodedPath();
        if (path.endsWith("/" + API_PATH) || path.endsWith("/" + API_PATH + "/")) {
            return baseUrl;
        }
        return baseUrl.newBuilder().addPathSegments(API_PATH).build();
    }

    private static String userAgent() {
        String version = FluxPayClient.class.getPackage().getImplementationVersion();
        return "perfplatform-payment-client/" + (version == null ? "dev" : version);
    }

    /** Builds a {@link FluxPayClient}. */
    public static final class Builder {
        private @Nullable String baseUrl;
        private @Nullable String apiKey;
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private Duration readTimeout = DEFAULT_READ_TIMEOUT;
        private Duration writeTimeout = DEFAULT_WRITE_TIMEOUT;
        private int maxResponseBytes = DEFAULT_MAX_RESPONSE_BYTES;
        private RetryPolicy retryPolicy = RetryPolicy.ofDefaults();
        private ClientListener listener = ClientListener.NONE;
        private @Nullable OkHttpClient okHttpClient;
        private @Nullable Timekeeper timekeeper;

        private Builder() {}

        /**
         * Where FluxPay runs, e.g. {@code http://localhost:8081}; the client calls {@code /api/v1} below it (a base
         * URL already ending in {@code /api/v1} is used as it is).
         */
        public Builder baseUrl(String baseUrl) {
            this.baseUrl = Args.text(baseUrl, "baseUrl");
            return this;
        }

        /** The merchant's API key, sent as {@code Authorization: Bearer}; never logged. */
        public Builder apiKey(String apiKey) {
            this.apiKey = Args.text(apiKey, "apiKey");
            return this;
        }

        /** Connect timeout; default {@link #DEFAULT_CONNECT_TIMEOUT}. */
        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = Args.positive(connectTimeout, "connectTimeout");
            return this;
        }

        /** Read timeout; default {@link #DEFAULT_READ_TIMEOUT}. */
        public Builder readTimeout(Duration readTimeout) {
            this.readTimeout = Args.positive(readTimeout, "readTimeout");
            return this;
        }

        /** Write timeout; default {@link #DEFAULT_WRITE_TIMEOUT}. */
        public Builder writeTimeout(Duration writeTimeout) {
            this.writeTimeout = Args.positive(writeTimeout, "writeTimeout");
            return this;
        }

        /**
         * Largest response body read, in bytes; default {@link #DEFAULT_MAX_RESPONSE_BYTES}. A successful answer
         * over it fails the call with a {@link FluxPayException} (not retried); an error answer over it keeps its
         * status, unread, as an answer without an envelope does.
         */
        public Builder maxResponseBytes(int maxResponseBytes) {
            this.maxResponseBytes = (int) Args.positive(maxResponseBytes, "maxResponseBytes");
            return this;
        }

        /** When to retry; default {@link RetryPolicy#ofDefaults()}. */
        public Builder retryPolicy(RetryPolicy retryPolicy) {
            this.retryPolicy = Args.notNull(retryPolicy, "retryPolicy");
            return this;
        }

        /** Told about every call and retry (metrics); default none. */
        public Builder listener(ClientListener listener) {
            this.listener = Args.notNull(listener, "listener");
            return this;
        }

        /**
         * An application's {@link OkHttpClient} to derive from: the client shares its connection pool, dispatcher
         * and interceptors, adding its own timeouts and headers. {@link FluxPayClient#close()} leaves it open.
         */
        public Builder okHttpClient(OkHttpClient okHttpClient) {
            this.okHttpClient = Args.notNull(okHttpClient, "okHttpClient");
            return this;
        }

        /** Tests: the clocks, sleeps, scheduler and jitter. */
        Builder timekeeper(Timekeeper timekeeper) {
            this.timekeeper = timekeeper;
            return this;
        }

        /** The client; fails when the base URL or API key is missing or the base URL is not http(s). */
        public FluxPayClient build() {
            if (baseUrl == null) {
                throw new IllegalStateException("baseUrl must be set");
            }
            if (apiKey == null) {
                throw new IllegalStateException("apiKey must be set");
            }
            HttpUrl url = HttpUrl.parse(baseUrl);
            if (url == null) {
                throw new IllegalArgumentException("baseUrl must be an http or https URL, was " + baseUrl);
            }
            return new FluxPayClient(this, url, apiKey);
        }

        @Override
        public String toString() {
            return "FluxPayClient.Builder{baseUrl=" + baseUrl + ", apiKey=" + (apiKey == null ? "unset" : "[redacted]")
                    + ", maxResponseBytes=" + maxResponseBytes + ", retryPolicy=" + retryPolicy + "}";
        }
    }
}
