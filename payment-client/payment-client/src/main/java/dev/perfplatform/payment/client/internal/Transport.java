package dev.perfplatform.payment.client.internal;

import dev.perfplatform.payment.client.ClientListener;
import dev.perfplatform.payment.client.RetryPolicy;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import tools.jackson.databind.ObjectMapper;

/**
 * Runs logical calls over the shared {@link OkHttpClient}: synchronously on the caller's thread, or
 * asynchronously without holding any thread while backing off. Thread-safe.
 */
public final class Transport {

    /** Header of the client's request id (echoed by FluxPay). */
    public static final String REQUEST_ID = "X-Request-Id";

    /** Header of the idempotency key of every POST. */
    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    static final System.Logger LOG = System.getLogger("dev.perfplatform.payment.client.FluxPayClient");

    private static final MediaType JSON = MediaType.get("application/json");
    private static final byte[] EMPTY_OBJECT = {'{', '}'};

    final OkHttpClient http;
    final ObjectMapper json;
    final RetryPolicy policy;
    final ClientListener listener;
    final Timekeeper time;
    final Redactor redactor;
    final int maxResponseBytes;
    private final HttpUrl apiBase;
    private volatile boolean closed;

    /**
     * A transport.
     *
     * @param http the client every call goes through (with the {@link HeadersInterceptor})
     * @param json the mapper of bodies
     * @param apiBase the URL of {@code /api/v1}
     * @param policy the retry policy
     * @param listener told about calls and retries
     * @param time clocks and scheduler
     * @param redactor masks the API key
     * @param maxResponseBytes the largest response body read
     */
    public Transport(
            OkHttpClient http,
            ObjectMapper json,
            HttpUrl apiBase,
            RetryPolicy policy,
            ClientListener listener,
            Timekeeper time,
            Redactor redactor,
            int maxResponseBytes) {
        this.http = http;
        this.json = json;
        this.apiBase = apiBase;
        this.policy = policy;
        this.listener = listener;
        this.time = time;
        this.redactor = redactor;
        this.maxResponseBytes = maxResponseBytes;
    }

    /** Runs {@code api} on this thread, retrying per the policy; returns its result or throws. */
    public <T> T execute(ApiRequest<T> api) {
        checkOpen();
        Exchange<T> exchange = new Exchange<>(this, api);
        while (true) {
            Step<T> step = closed ? exchange.closed() : exchange.attempt();
            if (step instanceof Step.Retry<T> retry) {
                try {
                    time.sleep(retry.delay());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return exchange.finish(exchange.interrupted(e));
                }
                continue;
            }
            return exchange.finish(step);
        }
    }

    /**
     * Runs {@code api} asynchronously. Canceling the future cancels the HTTP call in flight or the pending retry.
     * The future completes on an OkHttp thread; chain with {@code *Async} methods for heavy work.
     */
    public <T> CompletableFuture<T> executeAsync(ApiRequest<T> api) {
        checkOpen();
        AsyncExchange<T> call = new AsyncExchange<>(this, new Exchange<>(this, api));
        call.attempt();
        return call.future();
    }

    /** Refuses new calls; pending asynchronous retries end with a transport failure. */
    public void close() {
        closed = true;
    }

    boolean isClosed() {
        return closed;
    }

    Request toHttp(ApiRequest<?> api, String requestId) {
        HttpUrl.Builder url = apiBase.newBuilder();
        api.path().forEach(url::addPathSegment);
        api.query().forEach(url::addQueryParameter);
        Request.Builder request = new Request.Builder()
                .url(url.build())
                .header("Accept", "application/json")
                .header(REQUEST_ID, requestId);
        if (api.isPost()) {
            Object body = api.body();
            byte[] bytes = body == null ? EMPTY_OBJECT : json.writeValueAsBytes(body);
            String key = api.options().idempotencyKey();
            request.post(RequestBody.create(bytes, JSON))
                    .header(
                            IDEMPOTENCY_KEY,
                            key != null ? key : UUID.randomUUID().toString());
        }
        return request.build();
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("the FluxPayClient is closed");
        }
    }
}
