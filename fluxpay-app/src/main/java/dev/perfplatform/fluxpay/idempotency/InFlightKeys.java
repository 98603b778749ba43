package dev.perfplatform.fluxpay.idempotency;

import dev.perfplatform.fluxpay.idempotency.IdempotencyRecords.Scope;
import dev.perfplatform.fluxpay.jobs.JobSchedulers;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SetArgs;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.StringCodec;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * A fast, non-authoritative view of the keys whose first attempt is running, kept in Redis when
 * {@code fluxpay.idempotency.redis-url} is set: a duplicate that finds the key's marker is answered 409
 * {@code VAL_005} without touching PostgreSQL. Everything else — no marker, an error, a timeout, Redis down or not
 * configured — goes on to PostgreSQL, whose record alone decides; so the guarantees are the same with Redis, without
 * it and while it is down. A marker lives no longer than the key's lease and is removed before the answer is sent, so
 * it never hides a stored answer from a replay. Counted as {@code fluxpay.idempotency.inflight} by {@code result}:
 * {@code held} (answered 409 here), {@code free} (marker set), {@code unavailable} (Redis not answering).
 */
@Component
class InFlightKeys implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(InFlightKeys.class);
    /** How long opening a TCP connection to Redis may take; the handshake is bounded by {@code redis-timeout}. */
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(1);

    /** What the view said about a key. */
    enum Marker {
        /** Another attempt holds the key. */
        HELD_ELSEWHERE,
        /** This attempt set the marker and must remove it. */
        OURS,
        /** No answer: PostgreSQL decides. */
        NONE
    }

    private final @Nullable RedisClient client;
    private final @Nullable RedisURI uri;
    private final IdempotencySettings settings;
    private final MeterRegistry meters;
    private final Map<String, Counter> results = new ConcurrentHashMap<>();
    private final AtomicBoolean connecting = new AtomicBoolean();
    private volatile @Nullable StatefulRedisConnection<String, String> connection;
    private volatile boolean closed;

    InFlightKeys(IdempotencySettings settings, MeterRegistry meters) {
        this.settings = settings;
        this.meters = meters;
        String url = settings.redisUrl();
        if (url == null || url.isBlank()) {
            this.client = null;
            this.uri = null;
            return;
        }
        this.uri = RedisURI.create(url);
        // Lettuce bounds the connection handshake by the URI's timeout; each command is bounded by redisTimeout below,
        // so a busy machine's slow handshake does not leave the fast path off until the next reconnect
        this.uri.setTimeout(CONNECT_TIMEOUT);
        this.client = RedisClient.create();
        // while disconnected, commands fail at once instead of queueing: a late SET would leave a stale marker
        this.client.setOptions(ClientOptions.builder()
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .socketOptions(
                        SocketOptions.builder().connectTimeout(CONNECT_TIMEOUT).build())
                .build());
        // asynchronously: a Redis that does not answer must hold up neither start-up nor a scheduler thread
        connectIfNeeded();
    }

    /** Marks the key as in flight for the lease, unless another attempt already did. */
    Mono<Marker> enter(Scope scope) {
        StatefulRedisConnection<String, String> current = connection;
        if (current == null) {
            return Mono.just(client == null ? Marker.NONE : counted(Marker.NONE, "unavailable"));
        }
        return current.reactive()
                .set(name(scope), "1", SetArgs.Builder.nx().px(settings.lease().toMillis()))
                .map(ok -> counted(Marker.OURS, "free"))
                .defaultIfEmpty(Marker.HELD_ELSEWHERE)
                .map(marker -> marker == Marker.HELD_ELSEWHERE ? counted(marker, "held") : marker)
                .timeout(settings.redisTimeout())
                .onErrorResume(failure -> Mono.just(counted(Marker.NONE, "unavailable")));
    }

    /** Removes a marker this attempt set; never fails the request. */
    Mono<Void> leave(Scope scope, Marker marker) {
        StatefulRedisConnection<String, String> current = connection;
        if (marker != Marker.OURS || current == null) {
            return Mono.empty();
        }
        return current.reactive()
                .del(name(scope))
                .timeout(settings.redisTimeout())
                .onErrorResume(failure -> Mono.empty())
                .then();
    }

    /**
     * Starts a connection attempt when there is neither a connection nor an attempt under way; never waits for it.
     * Lettuce itself reconnects a link lost after it was established.
     */
    @Scheduled(scheduler = JobSchedulers.HOUSEKEEPING, fixedDelayString = "${fluxpay.idempotency.redis-reconnect:5s}")
    @SuppressWarnings("FutureReturnValueIgnored") // connected() handles both outcomes and cannot leave `connecting` set
    void connectIfNeeded() {
        RedisClient redis = client;
        RedisURI target = uri;
        if (redis == null || target == null || connection != null || closed || !connecting.compareAndSet(false, true)) {
            return;
        }
        try {
            redis.connectAsync(StringCodec.UTF8, target).whenComplete(this::connected);
        } catch (RuntimeException e) {
            connected(null, e);
        }
    }

    @SuppressWarnings("FutureReturnValueIgnored") // a connection made after close() is dropped; nothing waits for it
    private void connected(@Nullable StatefulRedisConnection<String, String> established, @Nullable Throwable failure) {
        try {
            RedisURI target = uri;
            if (established != null && !closed) {
                connection = established;
                log.info(
                        "in-flight idempotency keys in Redis at {}:{}",
                        target == null ? "?" : target.getHost(),
                        target == null ? 0 : target.getPort());
            } else if (established != null) {
                established.closeAsync();
            } else if (!closed) {
                log.warn(
                        "Redis for in-flight idempotency keys unreachable ({}); PostgreSQL alone decides until it answers",
                        String.valueOf(failure));
            }
        } finally {
            connecting.set(false);
        }
    }

    private Marker counted(Marker marker, String result) {
        results.computeIfAbsent(
                        result,
                        name -> Counter.builder("fluxpay.idempotency.inflight")
                                .description("Look-ups of in-flight idempotency keys in Redis, by result")
                                .tag("result", name)
                                .register(meters))
                .increment();
        return marker;
    }

    private static String name(Scope scope) {
        return "fluxpay:idempotency:" + scope.merchantId() + ":" + scope.key();
    }

    @Override
    public void destroy() {
        closed = true;
        StatefulRedisConnection<String, String> current = connection;
        if (current != null) {
            current.close();
        }
        if (client != null) {
            client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        }
    }
}
