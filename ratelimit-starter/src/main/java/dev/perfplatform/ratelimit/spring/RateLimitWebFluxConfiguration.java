package dev.perfplatform.ratelimit.spring;

import dev.perfplatform.ratelimit.spring.web.ClientAddressResolver;
import dev.perfplatform.ratelimit.spring.web.KeyResolver;
import dev.perfplatform.ratelimit.spring.web.RateLimitHeaderFormat;
import dev.perfplatform.ratelimit.spring.web.RateLimitResponseWriter;
import dev.perfplatform.ratelimit.spring.web.RequestRateLimiter;
import dev.perfplatform.ratelimit.spring.webflux.RateLimitWebFilter;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.server.WebFilter;

/** The WebFlux filter, in reactive web applications only. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@ConditionalOnClass(WebFilter.class)
class RateLimitWebFluxConfiguration {

    @Bean
    @ConditionalOnMissingBean
    RateLimitWebFilter rateLimitWebFilter(
            RateLimiterRegistry registry,
            Map<String, KeyResolver> keyResolvers,
            RateLimitHeaderFormat headers,
            ClientAddressResolver clients,
            RateLimitResponseWriter writer,
            RateLimitProperties properties) {
        RequestRateLimiter limiter = new RequestRateLimiter(
                registry, keyResolvers, headers, properties.getHeaders().isOnAllowed());
        return new RateLimitWebFilter(limiter, clients, writer, properties.getFilterOrder());
    }
}
