package dev.perfplatform.ratelimit.spring;

import dev.perfplatform.ratelimit.spring.web.ClientAddressResolver;
import dev.perfplatform.ratelimit.spring.web.IetfDraft10Headers;
import dev.perfplatform.ratelimit.spring.web.IpRange;
import dev.perfplatform.ratelimit.spring.web.KeyResolver;
import dev.perfplatform.ratelimit.spring.web.LegacyHeaders;
import dev.perfplatform.ratelimit.spring.web.ProblemDetailResponseWriter;
import dev.perfplatform.ratelimit.spring.web.RateLimitHeaderFormat;
import dev.perfplatform.ratelimit.spring.web.RateLimitResponseWriter;
import dev.perfplatform.ratelimit.spring.web.RequestRateLimiter;
import dev.perfplatform.ratelimit.spring.webflux.RateLimitWebFilter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.server.WebFilter;

/** The WebFlux filter and what it needs, in reactive web applications only. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@ConditionalOnClass(WebFilter.class)
class RateLimitWebFluxConfiguration {

    @Bean
    @ConditionalOnMissingBean
    RateLimitHeaderFormat rateLimitHeaderFormat(RateLimitProperties properties) {
        return headerFormat(properties.getHeaders().getStyle());
    }

    @Bean
    @ConditionalOnMissingBean
    RateLimitResponseWriter rateLimitResponseWriter() {
        return new ProblemDetailResponseWriter();
    }

    @Bean
    @ConditionalOnMissingBean
    ClientAddressResolver rateLimitClientAddressResolver(RateLimitProperties properties) {
        List<IpRange> ranges = new ArrayList<>();
        List<String> trusted = properties.getClientIp().getTrustedProxies();
        for (int i = 0; i < trusted.size(); i++) {
            try {
                ranges.add(IpRange.parse(trusted.get(i)));
            } catch (IllegalArgumentException e) {
                throw new InvalidRateLimitConfigurationException(
                        "ratelimit.client-ip.trusted-proxies[" + i + "]", e.getMessage());
            }
        }
        return new ClientAddressResolver(ranges);
    }

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

    static RateLimitHeaderFormat headerFormat(RateLimitProperties.HeaderStyle style) {
        return switch (style) {
            case IETF -> new IetfDraft10Headers();
            case LEGACY -> new LegacyHeaders();
            case BOTH ->
                (decisions, header) -> {
                    new IetfDraft10Headers().write(decisions, header);
                    new LegacyHeaders().write(decisions, header);
                };
            case NONE -> (decisions, header) -> {};
        };
    }
}
