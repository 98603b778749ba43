package dev.perfplatform.ratelimit.micrometer;

import dev.perfplatform.ratelimit.CircuitState;
import dev.perfplatform.ratelimit.RateLimiter;
import dev.perfplatform.ratelimit.StoreListener;
import dev.perfplatform.ratelimit.memory.InMemoryEngine;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Binds rate limiters and engines to a Micrometer {@link MeterRegistry}. Meter names are lower-case and dotted;
 * tags are low-cardinality (policy names, engine kinds, causes), never a limiter key.
 *
 * <pre>{@code
 * RateLimiter limiter = RateLimiterMetrics.instrument(engine.limiter(policy), registry, engine.kind());
 * StoreListener listener = RateLimiterMetrics.storeListener(registry);     // give it to the Redis engine
 * RateLimiterMetrics.bindCircuitState(registry, redisEngine::circuitState);
 * RateLimiterMetrics.bindKeyCount(registry, inMemoryEngine);
 * }</pre>
 */
public final class RateLimiterMetrics {

    private static final String EVICTIONS = "Keys dropped by the in-memory engine, per kind: fresh ones changed no"
            + " decision, active ones still had consumption (each may admit one extra quota)";

    private RateLimiterMetrics() {}

    /**
     * {@code limiter}, counting its decisions ({@code ratelimit.decisions}) and timing them ({@code
     * ratelimit.latency}) in {@code registry}; {@code engineKind} is {@code RateLimiterEngine.kind()}. Call it once
     * per limiter and keep the result. See {@link MeteredRateLimiter} for the meters.
     */
    public static MeteredRateLimiter instrument(RateLimiter limiter, MeterRegistry registry, String engineKind) {
        Objects.requireNonNull(limiter, "limiter");
        Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(engineKind, "engineKind");
        if (engineKind.isEmpty()) {
            throw new IllegalArgumentException("engineKind must not be empty");
        }
        return new MeteredRateLimiter(limiter, registry, engineKind);
    }

    /**
     * A {@link StoreListener} counting store errors ({@code ratelimit.redis.errors}, tags {@code policy} and {@code
     * cause}) and circuit breaker transitions ({@code ratelimit.redis.circuit.transitions}, tag {@code state}: the
     * state entered, {@code closed}, {@code open} or {@code half_open}).
     */
    public static StoreListener storeListener(MeterRegistry registry) {
        return new MeteredStoreListener(Objects.requireNonNull(registry, "registry"));
    }

    /**
     * Gauge {@code ratelimit.redis.circuit.state}: 0 closed, 1 half-open, 2 open, read from {@code state}. The
     * registry holds {@code state} strongly (a method reference would otherwise be collected at once and the gauge
     * would read NaN), with whatever it captures: when the engine is closed before the application ends, remove the
     * returned gauge from the registry so the engine can be collected.
     */
    public static Gauge bindCircuitState(MeterRegistry registry, Supplier<CircuitState> state) {
        Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(state, "state");
        return Gauge.builder("ratelimit.redis.circuit.state", state, s -> code(s.get()))
                .description("State of the circuit breaker in front of Redis: 0 closed, 1 half-open, 2 open")
                .strongReference(true)
                .register(registry);
    }

    /**
     * Gauge {@code ratelimit.keys} (keys held by {@code engine}, tag {@code engine=memory}) and function counter
     * {@code ratelimit.evictions} (tag {@code kind}: {@code active} for keys evicted at the cap while they still had
     * consumption, {@code fresh} for the others). The meters hold {@code engine} weakly, as Micrometer does by
     * default, so they never keep it alive: once it is collected the gauge reads NaN and the counters keep their
     * last value.
     */
    public static void bindKeyCount(MeterRegistry registry, InMemoryEngine engine) {
        Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(engine, "engine");
        Gauge.builder("ratelimit.keys", engine, InMemoryEngine::keyCount)
                .description("Keys held by the in-memory rate limiter engine")
                .baseUnit("keys")
                .tag("engine", engine.kind())
                .register(registry);
        FunctionCounter.builder("ratelimit.evictions", engine, e -> {
                    // Active first: an active eviction adds to evictedKeys before evictedActiveKeys.
                    long active = e.evictedActiveKeys();
                    return Math.max(0, e.evictedKeys() - active);
                })
                .description(EVICTIONS)
                .baseUnit("evictions")
                .tag("kind", "fresh")
                .register(registry);
        FunctionCounter.builder("ratelimit.evictions", engine, InMemoryEngine::evictedActiveKeys)
                .description(EVICTIONS)
                .baseUnit("evictions")
                .tag("kind", "active")
                .register(registry);
    }

    private static int code(CircuitState state) {
        return switch (state) {
            case CLOSED -> 0;
            case HALF_OPEN -> 1;
            case OPEN -> 2;
        };
    }
}
