package dev.perfplatform.ratelimit.spring;

import dev.perfplatform.ratelimit.RateLimiterEngine;
import dev.perfplatform.ratelimit.StoreListener;
import dev.perfplatform.ratelimit.TimeSource;
import dev.perfplatform.ratelimit.redis.RedisEngine;
import io.lettuce.core.RedisURI;
import java.util.Objects;

/**
 * Builds the Redis engine from the {@code ratelimit.redis.*} settings, its local fallback capped by {@code
 * ratelimit.memory.max-keys}; loaded only when Lettuce is present.
 */
final class RedisEngines {

    private RedisEngines() {}

    static RateLimiterEngine fromUrl(RateLimitProperties properties, StoreListener listener) {
        RateLimitProperties.Redis redis = properties.getRedis();
        RedisURI uri;
        try {
            uri = RedisURI.create(Objects.requireNonNull(redis.getUrl()));
        } catch (IllegalArgumentException e) {
            throw new InvalidRateLimitConfigurationException("ratelimit.redis.url", e.getMessage());
        }
        return configure(RedisEngine.builder(uri), properties, listener).build();
    }

    static RedisEngine.Builder configure(
            RedisEngine.Builder builder, RateLimitProperties properties, StoreListener listener) {
        RateLimitProperties.Redis redis = properties.getRedis();
        try {
            builder.maxFallbackKeys(properties.getMemory().getMaxKeys());
        } catch (IllegalArgumentException e) {
            throw new InvalidRateLimitConfigurationException("ratelimit.memory.max-keys", e.getMessage());
        }
        try {
            builder.keyPrefix(redis.getKeyPrefix())
                    .commandTimeout(redis.getCommandTimeout())
                    .circuitBreaker(redis.getFailureThreshold(), redis.getOpenDuration())
                    .negativeCacheSize(redis.getNegativeCacheSize())
                    .listener(listener);
        } catch (IllegalArgumentException e) {
            throw new InvalidRateLimitConfigurationException("ratelimit.redis", e.getMessage());
        }
        if (redis.getClock() == RateLimitProperties.Clock.LOCAL) {
            builder.timeSource(TimeSource.system());
        }
        return builder;
    }
}
