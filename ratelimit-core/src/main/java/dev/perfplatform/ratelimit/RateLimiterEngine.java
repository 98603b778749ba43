package dev.perfplatform.ratelimit;

/**
 * Where limiter state lives: in this process ({@code InMemoryEngine}) or in Redis ({@code RedisEngine}). An engine
 * hands out {@link RateLimiter}s for policies and owns their resources.
 */
public interface RateLimiterEngine extends AutoCloseable {

    /** A limiter enforcing {@code policy} on this engine's state. Cheap: call it once per policy and keep it. */
    RateLimiter limiter(RateLimitPolicy policy);

    /** A short name of the engine kind for metrics tags: {@code memory} or {@code redis}. */
    String kind();

    /** The circuit breaker in front of a remote store; always {@link CircuitState#CLOSED} for a local engine. */
    default CircuitState circuitState() {
        return CircuitState.CLOSED;
    }

    /** Releases the engine's resources; limiters obtained from it must not be used afterwards. */
    @Override
    void close();
}
