package dev.perfplatform.ratelimit.spring;

import dev.perfplatform.ratelimit.RateLimiterEngine;
import dev.perfplatform.ratelimit.StoreListener;
import dev.perfplatform.ratelimit.TimeSource;
import dev.perfplatform.ratelimit.redis.RedisEngine;
import io.lettuce.core.RedisURI;
import java.util.Objects;

/** Builds the Redis engine from the {@code ratelimit.redis.*} settings; loaded only when Lettuce is present. */
final class RedisEngines {

    private RedisEngines() {}

    static RateLimiterEngine fromUrl(RateLimitProperties.Redis redis, StoreListener listener) {
        RedisURI uri;
        try {
            uri = RedisURI.create(Objects.requireNonNull(redis.getUrl()));
        } catch (IllegalArgumentException e) {
            throw new InvalidRateLimitConfigurationException("ratelimit.redis.url", e.getMessage());
        }
        return configure(RedisEngine.builder(uri), redis, listener).build();
    }

    static RedisEngine.Builder configure(
            RedisEngine.Builder builder, RateLimitProperties.Redis redis, StoreListener listener) {
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
