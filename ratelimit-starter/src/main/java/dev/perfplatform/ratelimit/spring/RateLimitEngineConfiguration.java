package dev.perfplatform.ratelimit.spring;

import dev.perfplatform.ratelimit.RateLimiterEngine;
import dev.perfplatform.ratelimit.StoreListener;
import dev.perfplatform.ratelimit.memory.InMemoryEngine;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.util.ClassUtils;

/**
 * Chooses the engine: {@code memory}; {@code redis} on {@code ratelimit.redis.url} or the application's Spring Data
 * Redis connection (through the limiter's own Lettuce connection and timeout); {@code auto} picks Redis when one of
 * those exists. Redis settings that cannot be used ({@code spring.data.redis.*} without Spring Data Redis or Lettuce
 * on the class path, {@code ratelimit.redis.*} with no connection) fail start-up instead of leaving the limiter in
 * memory unnoticed; {@code ratelimit.engine=memory} chooses memory on purpose.
 */
@Configuration(proxyBeanMethods = false)
class RateLimitEngineConfiguration {

    private static final String DATA_REDIS_DETAILS =
            "org.springframework.boot.data.redis.autoconfigure.DataRedisConnectionDetails";

    @Bean
    @ConditionalOnMissingBean
    RateLimiterEngine rateLimiterEngine(
            RateLimitProperties properties,
            ObjectProvider<StoreListener> listener,
            ConfigurableListableBeanFactory beans,
            Environment environment) {
        ClassLoader classLoader = beans.getBeanClassLoader();
        boolean lettuce = isPresent("io.lettuce.core.RedisClient", classLoader);
        boolean dataRedis = lettuce && isPresent(DATA_REDIS_DETAILS, classLoader);
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
                            "redis needs ratelimit.redis.url or a Spring Data Redis connection (spring.data.redis.*)"
                                    + unusableDataRedis(environment, classLoader));
                }
                yield redis(properties, storeListener, beans, hasUrl);
            }
            case AUTO -> {
                if (lettuce && (hasUrl || hasDataRedis)) {
                    yield redis(properties, storeListener, beans, hasUrl);
                }
                failOnUnusableRedisSettings(environment, lettuce, classLoader);
                yield memory(properties);
            }
        };
    }

    /**
     * Redis settings that {@code auto} could not use, rather than a silent in-memory engine: an application that set
     * them expects its limits shared through Redis.
     */
    private static void failOnUnusableRedisSettings(
            Environment environment, boolean lettuce, @Nullable ClassLoader classLoader) {
        boolean dataRedisSet = ConfiguredProperties.anySetUnder(environment, "spring.data.redis");
        boolean limiterRedisSet = ConfiguredProperties.anySetUnder(environment, "ratelimit.redis");
        if (!dataRedisSet && !limiterRedisSet) {
            return;
        }
        String property = dataRedisSet ? "spring.data.redis" : "ratelimit.redis";
        String problem;
        if (!lettuce) {
            problem = "is set, but the rate limiter's Redis engine needs io.lettuce:lettuce-core on the class path";
        } else if (dataRedisSet && !isPresent(DATA_REDIS_DETAILS, classLoader)) {
            problem = "is set, but Spring Data Redis (org.springframework.boot:spring-boot-data-redis) is not on the"
                    + " class path, so the rate limiter cannot read it";
        } else if (dataRedisSet) {
            problem = "is set, but there is no Spring Data Redis connection (DataRedisConnectionDetails) to use";
        } else {
            problem = "is set, but no Redis connection is: set ratelimit.redis.url or spring.data.redis.*";
        }
        throw new InvalidRateLimitConfigurationException(
                property,
                problem + "; the rate limiter would run in memory",
                "Make Redis usable (add the missing dependency or connection), or set 'ratelimit.engine=memory' to"
                        + " keep the limits in each instance's memory on purpose.");
    }

    /** Why {@code spring.data.redis.*}, when set, gave no connection; else empty. */
    private static String unusableDataRedis(Environment environment, @Nullable ClassLoader classLoader) {
        if (ConfiguredProperties.anySetUnder(environment, "spring.data.redis")
                && !isPresent(DATA_REDIS_DETAILS, classLoader)) {
            return "; spring.data.redis.* is set, but Spring Data Redis (org.springframework.boot:spring-boot-data-redis)"
                    + " is not on the class path";
        }
        return "";
    }

    private static RateLimiterEngine memory(RateLimitProperties properties) {
        return InMemoryEngine.builder()
                .maxKeys(properties.getMemory().getMaxKeys())
                .sweepInterval(properties.getMemory().getSweepInterval())
                .build();
    }

    private static RateLimiterEngine redis(
            RateLimitProperties properties, StoreListener listener, ListableBeanFactory beans, boolean hasUrl) {
        return hasUrl
                ? RedisEngines.fromUrl(properties, listener)
                : DataRedisEngines.fromConnectionDetails(beans, properties, listener);
    }

    private static boolean isPresent(String className, @Nullable ClassLoader classLoader) {
        return ClassUtils.isPresent(className, classLoader);
    }
}
