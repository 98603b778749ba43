package dev.perfplatform.ratelimit.redis;

import dev.perfplatform.ratelimit.Decision;
import dev.perfplatform.ratelimit.RateLimitPolicy;
import dev.perfplatform.ratelimit.internal.CallDeadlines;
import dev.perfplatform.ratelimit.internal.CircuitBreakers;
import dev.perfplatform.ratelimit.internal.DecisionStore;
import dev.perfplatform.ratelimit.internal.Futures;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.cluster.models.partitions.Partitions;
import io.lettuce.core.event.connection.ConnectionActivatedEvent;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import javax.net.ssl.SSLException;
import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;

/**
 * The engine's connection, made in the background so that building an engine never blocks nor fails while Redis is
 * unreachable: the first attempt starts at once (the engine's builder waits a bounded time for it, so a reachable Redis
 * is used from the first decision; a refused connection fails it at once), failed ones are retried on one daemon thread with a back-off from
 * {@link #FIRST_RETRY} doubling up to {@link #MAX_RETRY}, until one succeeds; then the script is loaded once and
 * decisions go to Redis. A decision asked while the first attempt runs waits for it within its command timeout;
 * later, until connected, decisions fail at once (a connection failure: the failure policy decides) and the circuit
 * is open. Once connected, Lettuce reconnects by itself; each reconnection lets every open circuit's probe go at once.
 * Plain JDK scheduling: the engine knows no framework.
 */
final class BackgroundConnection implements DecisionStore, AutoCloseable {

    /** The first delay before connecting again; it doubles up to {@link #MAX_RETRY}. */
    static final Duration FIRST_RETRY = Duration.ofMillis(10);
    /** The longest delay before connecting again, also the engine's own client's cap between reconnections. */
    static final Duration MAX_RETRY = Duration.ofMillis(500);

    private final ClientSource source;
    private final Function<ClientSource.Connected, RedisDecisionStore> stores;
    private final CircuitBreakers breakers;
    private final CallDeadlines deadlines;
    private final Duration timeout;
    private final ScheduledExecutorService connector;
    private final CompletableFuture<RedisDecisionStore> firstAttempt = new CompletableFuture<>();
    private final Disposable reconnections;
    private volatile @Nullable RedisDecisionStore store;
    private volatile ClientSource.@Nullable Connected connected;
    private volatile @Nullable Future<?> nextAttempt;
    private volatile boolean closed;

    BackgroundConnection(
            ClientSource source,
            Function<ClientSource.Connected, RedisDecisionStore> stores,
            CircuitBreakers breakers,
            Duration timeout) {
        this.source = source;
        this.stores = stores;
        this.breakers = breakers;
        this.timeout = timeout;
        this.deadlines = new CallDeadlines(timeout);
        this.connector = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "ratelimit-redis-connect");
            thread.setDaemon(true);
            return thread;
        });
        this.reconnections = source.events()
                .filter(ConnectionActivatedEvent.class::isInstance)
                .subscribe(event -> breakers.probeNow());
        this.nextAttempt = connector.submit(() -> attempt(FIRST_RETRY));
    }

    /**
     * Waits at most {@code bound} for the first attempt, so an engine whose Redis answers starts connected; returns at
     * once when that attempt fails because Redis is away (connection refused). A first attempt that failed on the
     * engine's own configuration (a TLS certificate it does not trust) is thrown: retrying cannot cure it.
     */
    void awaitFirstAttempt(Duration bound) {
        try {
            firstAttempt.get(bound.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure && isMisconfiguration(failure)) {
                throw failure;
            }
            // Redis away: decisions follow the failure policies until a background attempt succeeds
        } catch (TimeoutException e) {
            // still connecting: decisions wait for it within their own timeout
        }
    }

    private static boolean isMisconfiguration(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SSLException) {
                return true;
            }
        }
        return false;
    }

    /** The Redis Cluster topology of the engine's connection; null before it connected, or not on a cluster. */
    @Nullable
    Partitions topology() {
        ClientSource.Connected open = connected;
        return open == null ? null : open.topology();
    }

    /** Whether the engine has connected (Lettuce may be reconnecting it now). */
    boolean isConnected() {
        return store != null;
    }

    private void attempt(Duration retryAfter) {
        if (closed) {
            return;
        }
        ClientSource.Connected opened;
        try {
            opened = source.connect();
        } catch (RuntimeException e) {
            firstAttempt.completeExceptionally(e);
            breakers.openNow();
            if (closed) {
                return;
            }
            Duration doubled = retryAfter.multipliedBy(2);
            Duration next = doubled.compareTo(MAX_RETRY) > 0 ? MAX_RETRY : doubled;
            nextAttempt = connector.schedule(() -> attempt(next), retryAfter.toNanos(), TimeUnit.NANOSECONDS);
            return;
        }
        loadScripts(opened);
        RedisDecisionStore ready = stores.apply(opened);
        connected = opened;
        store = ready;
        if (closed) {
            opened.connection().close();
            return;
        }
        firstAttempt.complete(ready);
        breakers.probeNow();
        connector.shutdown();
    }

    /** Loads the scripts once, so the first decisions need no {@code EVAL}; should it fail, they fall back to one. */
    private void loadScripts(ClientSource.Connected opened) {
        try {
            for (RedisScript script : RedisScript.values()) {
                opened.scripting().scriptLoad(script.source).get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // EVALSHA answers NOSCRIPT, then one EVAL loads it
        }
    }

    @Override
    public Decision decide(RateLimitPolicy policy, String key, long permits) {
        return Futures.join(decideAsync(policy, key, permits));
    }

    @Override
    public CompletionStage<Decision> decideAsync(RateLimitPolicy policy, String key, long permits) {
        RedisDecisionStore ready = store;
        if (ready != null) {
            return ready.decideAsync(policy, key, permits);
        }
        if (firstAttempt.isDone()) {
            return CompletableFuture.failedFuture(notConnected());
        }
        CompletableFuture<Decision> decision = firstAttempt
                .thenCompose(s -> s.decideAsync(policy, key, permits))
                .toCompletableFuture();
        return deadlines.bound(decision, decision);
    }

    @Override
    public void reset(RateLimitPolicy policy, String key) {
        RedisDecisionStore ready = store;
        if (ready == null) {
            throw notConnected();
        }
        ready.reset(policy, key);
    }

    private static RedisConnectionException notConnected() {
        return new RedisConnectionException("not connected to Redis yet: connecting in the background");
    }

    @Override
    public void close() {
        closed = true;
        reconnections.dispose();
        Future<?> pending = nextAttempt;
        if (pending != null) {
            pending.cancel(false);
        }
        connector.shutdownNow();
        ClientSource.Connected open = connected;
        if (open != null) {
            open.connection().close();
        }
        source.shutdownIfOwned();
    }
}
