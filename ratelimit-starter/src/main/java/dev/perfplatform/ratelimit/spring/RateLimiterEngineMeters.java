package dev.perfplatform.ratelimit.spring;

import dev.perfplatform.ratelimit.RateLimiterEngine;
import dev.perfplatform.ratelimit.memory.InMemoryEngine;
import dev.perfplatform.ratelimit.micrometer.RateLimiterMetrics;
import dev.perfplatform.ratelimit.redis.RedisEngine;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.util.ClassUtils;

/**
 * The engine's own meters, bound by Boot to every meter registry: for the in-memory engine {@code ratelimit.keys}
 * and {@code ratelimit.evictions}, for the Redis engine {@code ratelimit.redis.circuit.state} and its local
 * fallback's {@code ratelimit.fallback.keys} and {@code ratelimit.fallback.evictions} (tag {@code kind}, as for the
 * in-memory engine). The engine's type decides; {@link RedisEngine} is looked at only when Lettuce is present, so this class loads without it.
 */
final class RateLimiterEngineMeters implements MeterBinder {

    private static final boolean LETTUCE =
            ClassUtils.isPresent("io.lettuce.core.RedisClient", RateLimiterEngineMeters.class.getClassLoader());

    private final RateLimiterEngine engine;

    RateLimiterEngineMeters(RateLimiterEngine engine) {
        this.engine = engine;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        if (engine instanceof InMemoryEngine memory) {
            RateLimiterMetrics.bindKeyCount(registry, memory);
        } else if (LETTUCE) {
            RedisMeters.bindTo(registry, engine);
        }
    }

    /** Touches {@link RedisEngine}: loaded only when Lettuce is present. */
    private static final class RedisMeters {
        private static final String FALLBACK_EVICTIONS =
                "Keys the local fallback dropped at its cap (ratelimit.memory.max-keys)";

        static void bindTo(MeterRegistry registry, RateLimiterEngine engine) {
            if (engine instanceof RedisEngine redis) {
                RateLimiterMetrics.bindCircuitState(registry, redis::circuitState);
                bindFallback(registry, redis);
            }
        }

        private static void bindFallback(MeterRegistry registry, RedisEngine redis) {
            Gauge.builder("ratelimit.fallback.keys", redis, RedisEngine::fallbackKeyCount)
                    .description("Keys held by the Redis engine's local fallback (policies failing to local)")
                    .baseUnit("keys")
                    .register(registry);
            FunctionCounter.builder(
                            "ratelimit.fallback.evictions",
                            redis,
                            r -> Math.max(0, r.fallbackEvictedKeys() - r.fallbackEvictedActiveKeys()))
                    .description(FALLBACK_EVICTIONS)
                    .baseUnit("evictions")
                    .tag("kind", "fresh")
                    .register(registry);
            FunctionCounter.builder("ratelimit.fallback.evictions", redis, RedisEngine::fallbackEvictedActiveKeys)
                    .description(FALLBACK_EVICTIONS)
                    .baseUnit("evictions")
                    .tag("kind", "active")
                    .register(registry);
        }
    }
}
