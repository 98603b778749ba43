package dev.perfplatform.ratelimit.spring.actuate;

import dev.perfplatform.ratelimit.RateLimiterEngine;
import dev.perfplatform.ratelimit.spring.RateLimitAutoConfiguration;
import dev.perfplatform.ratelimit.spring.RateLimiterRegistry;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Auto-configuration of the actuator endpoint and health contributor, when the actuator and health modules are
 * present, kept beside them as Spring Boot keeps its own. It runs after {@link RateLimitAutoConfiguration}, shares its
 * {@code ratelimit.enabled} switch and stays away without a {@link RateLimiterRegistry} (when that one is excluded).
 */
@AutoConfiguration(after = RateLimitAutoConfiguration.class)
@ConditionalOnProperty(prefix = "ratelimit", name = "enabled", havingValue = "true", matchIfMissing = true)
@ConditionalOnBean(RateLimiterRegistry.class)
public final class RateLimitActuatorAutoConfiguration {

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass({Endpoint.class, ConditionalOnAvailableEndpoint.class})
    static class EndpointConfiguration {

        /** Only when exposed (management.endpoints.web.exposure.include, or JMX) and not disabled. */
        @Bean
        @ConditionalOnMissingBean
        @ConditionalOnAvailableEndpoint
        RateLimitersEndpoint rateLimitersEndpoint(RateLimiterRegistry registry) {
            return new RateLimitersEndpoint(registry);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(HealthIndicator.class)
    static class HealthConfiguration {

        /** Nested, so its condition (from the health module) is read only when that module is present. */
        @Configuration(proxyBeanMethods = false)
        @ConditionalOnEnabledHealthIndicator("ratelimiter")
        static class Enabled {
            @Bean
            @ConditionalOnMissingBean(name = "rateLimiterHealthIndicator")
            RateLimiterHealthIndicator rateLimiterHealthIndicator(RateLimiterEngine rateLimiterEngine) {
                return new RateLimiterHealthIndicator(rateLimiterEngine);
            }
        }
    }
}
