package dev.perfplatform.ratelimit;

import java.util.Map;

/**
 * Where limiter state lives: in this process ({@code InMemoryEngine}) or in Redis ({@code RedisEngine}). An engine
 * hands out {@link RateLimiter}s for policies and owns their resources.
 */
public interface RateLimiterEngine extends AutoCloseable {

    /** A limiter enforcing {@code policy} on this engine's state. Cheap: call it once per policy and keep it. */
    RateLimiter limiter(RateLimitPolicy policy);

    /** A short name of the engine kind for metrics tags: {@code memory} or {@code redis}. */
    String kind();

    /**
     * The circuit breaker in front of a remote store; always {@link CircuitState#CLOSED} for a local engine. With a
     * breaker per node of the store, the worst of their states.
     */
    default CircuitState circuitState() {
        return CircuitState.CLOSED;
    }

    /**
     * Per node of a remote store that has a circuit breaker of its own (a Redis Cluster master, as {@code host:port}),
     * its state; empty when one breaker covers the whole store, and for a local engine.
     */
    default Map<String, CircuitState> circuitStatesByNode() {
        return Map.of();
    }

    /** Releases the engine's resources; limiters obtained from it must not be used afterwards. */
    @Override
    void close();
}
