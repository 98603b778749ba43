package dev.perfplatform.ratelimit.spring;

import dev.perfplatform.ratelimit.RateLimiterEngine;
import dev.perfplatform.ratelimit.StoreListener;
import dev.perfplatform.ratelimit.memory.InMemoryEngine;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.ClassUtils;

/**
 * Chooses the engine: {@code memory}; {@code redis} on {@code ratelimit.redis.url} or the application's Spring Data
 * Redis connection (through the limiter's own Lettuce connection and timeout); {@code auto} picks Redis when one of
 * those exists.
 */
@Configuration(proxyBeanMethods = false)
class RateLimitEngineConfiguration {

    @Bean
    @ConditionalOnMissingBean
    RateLimiterEngine rateLimiterEngine(
            RateLimitProperties properties,
            ObjectProvider<StoreListener> listener,
            ConfigurableListableBeanFactory beans) {
        ClassLoader classLoader = beans.getBeanClassLoader();
        boolean lettuce = isPresent("io.lettuce.core.RedisClient", classLoader);
        boolean dataRedis = lettuce
                && isPresent(
                        "org.springframework.boot.data.redis.autoconfigure.DataRedisConnectionDetails", classLoader);
        RateLimitProperties.Redis redis = properties.getRedis();
        StoreListener storeListener = listener.getIfAvailable(() -> StoreListener.NONE);
        boolean hasUrl = redis.getUrl() != null && !redis.getUrl().isBlank();
        boolean hasDataRedis = dataRedis && DataRedisEngines.isConfigured(beans);
        return switch (properties.getEngine()) {
            case MEMORY -> memory(properties);
            case REDIS -> {
                if (!lettuce) {
                    throw new InvalidRateLimitConfigurationException(
                            "ratelimit.engine", "redis needs io.lettuce:lettuce-core on the class path");
                }
                if (!hasUrl && !hasDataRedis) {
                    throw new InvalidRateLimitConfigurationException(
                            "ratelimit.engine",
                            "redis needs ratelimit.redis.url or a Spring Data Redis connection (spring.data.redis.*)");
                }
                yield redis(properties, storeListener, beans, hasUrl);
            }
            case AUTO ->
                lettuce && (hasUrl || hasDataRedis)
                        ? redis(properties, storeListener, beans, hasUrl)
                        : memory(properties);
        };
    }

    private static RateLimiterEngine memory(RateLimitProperties properties) {
        return InMemoryEngine.builder()
                .maxKeys(properties.getMemory().getMaxKeys())
                .sweepInterval(properties.getMemory().getSweepInterval())
                .build();
    }

    private static RateLimiterEngine redis(
            RateLimitProperties properties,
            StoreListener listener,
            org.springframework.beans.factory.ListableBeanFactory beans,
            boolean hasUrl) {
        return hasUrl
                ? RedisEngines.fromUrl(properties, listener)
                : DataRedisEngines.fromConnectionDetails(beans, properties, listener);
    }

    private static boolean isPresent(String className, @Nullable ClassLoader classLoader) {
        return ClassUtils.isPresent(className, classLoader);
    }
}
