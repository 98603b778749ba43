package dev.perfplatform.ratelimit.spring;

import dev.perfplatform.ratelimit.RateLimiter;
import dev.perfplatform.ratelimit.RateLimiterEngine;
import dev.perfplatform.ratelimit.StoreListener;
import dev.perfplatform.ratelimit.micrometer.RateLimiterMetrics;
import dev.perfplatform.ratelimit.spring.web.KeyResolver;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.Arrays;
import java.util.function.UnaryOperator;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * Auto-configuration of the rate limiter: the engine (in-memory, or Redis when configured), the {@link
 * RateLimiterRegistry} of the {@code ratelimit.policies}, metrics when Micrometer is present, and the web filter of
 * the application's stack.
 */
@AutoConfiguration(
        afterName = {
            "org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration",
            "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
            "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration"
        })
@ConditionalOnProperty(prefix = "ratelimit", name = "enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties(RateLimitProperties.class)
@Import({
    RateLimitEngineConfiguration.class,
    RateLimitWebConfiguration.class,
    RateLimitWebFluxConfiguration.class,
    RateLimitServletConfiguration.class
})
public final class RateLimitAutoConfiguration {

    /** Checks the policies at start-up; a mistake fails it with the property's name. */
    @Bean
    @ConditionalOnMissingBean
    RateLimiterRegistry rateLimiterRegistry(
            RateLimitProperties properties,
            RateLimiterEngine rateLimiterEngine,
            ListableBeanFactory beans,
            ObjectProvider<RateLimiterDecorator> decorator) {
        var resolverNames = Arrays.asList(beans.getBeanNamesForType(KeyResolver.class));
        return new RateLimiterRegistry(
                rateLimiterEngine,
                PolicyDefinitions.from(properties, resolverNames::contains),
                decorator.getIfAvailable(() -> limiter -> limiter));
    }

    /** Wraps every configured limiter (metrics). */
    @FunctionalInterface
    public interface RateLimiterDecorator extends UnaryOperator<RateLimiter> {}

    /** Micrometer meters for decisions, latency, store errors, the circuit state and the in-memory engine's keys. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(MeterRegistry.class)
    static class MetricsConfiguration {

        @Bean
        @ConditionalOnMissingBean
        RateLimiterDecorator rateLimiterMetricsDecorator(
                ObjectProvider<MeterRegistry> registry, RateLimiterEngine rateLimiterEngine) {
            MeterRegistry meters = registry.getIfAvailable();
            if (meters == null) {
                return limiter -> limiter;
            }
            return limiter -> RateLimiterMetrics.instrument(limiter, meters, rateLimiterEngine.kind());
        }

        /** The engine's keys and evictions (in memory) or circuit state (Redis), bound by Boot to each registry. */
        @Bean
        @ConditionalOnMissingBean(name = "rateLimiterEngineMeters")
        MeterBinder rateLimiterEngineMeters(RateLimiterEngine rateLimiterEngine) {
            return new RateLimiterEngineMeters(rateLimiterEngine);
        }

        @Bean
        @ConditionalOnMissingBean
        StoreListener rateLimiterStoreListener(ObjectProvider<MeterRegistry> registry) {
            MeterRegistry meters = registry.getIfAvailable();
            return meters == null ? StoreListener.NONE : RateLimiterMetrics.storeListener(meters);
        }
    }
}
