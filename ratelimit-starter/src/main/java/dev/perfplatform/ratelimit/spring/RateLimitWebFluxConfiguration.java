package dev.perfplatform.ratelimit.spring;

import dev.perfplatform.ratelimit.spring.internal.ClientAddressResolver;
import dev.perfplatform.ratelimit.spring.internal.RateLimitWebFilter;
import dev.perfplatform.ratelimit.spring.internal.RateLimitedHandlers;
import dev.perfplatform.ratelimit.spring.internal.RateLimitedWebFilter;
import dev.perfplatform.ratelimit.spring.internal.RequestRateLimiter;
import dev.perfplatform.ratelimit.spring.web.RateLimitResponseWriter;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.server.WebFilter;

/** The WebFlux filter, in reactive web applications only. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@ConditionalOnClass(WebFilter.class)
class RateLimitWebFluxConfiguration {

    @Bean
    @ConditionalOnMissingBean
    RateLimitWebFilter rateLimitWebFilter(
            RequestRateLimiter limiter,
            ClientAddressResolver clients,
            RateLimitResponseWriter writer,
            RateLimitProperties properties) {
        return new RateLimitWebFilter(limiter, clients, writer, properties.getFilterOrder());
    }

    /** {@code @RateLimited} on annotated controllers. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnBean(RequestMappingHandlerMapping.class)
    static class AnnotationConfiguration {
        @Bean
        @ConditionalOnMissingBean
        RateLimitedWebFilter rateLimitedWebFilter(
                RequestRateLimiter limiter,
                RateLimitedHandlers handlers,
                RequestMappingHandlerMapping requestMappingHandlerMapping,
                ClientAddressResolver clients,
                RateLimitResponseWriter writer,
                RateLimitProperties properties) {
            return new RateLimitedWebFilter(
                    limiter, handlers, requestMappingHandlerMapping, clients, writer, properties.getFilterOrder() + 1);
        }
    }
}
