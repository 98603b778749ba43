package dev.perfplatform.ratelimit.spring;

import dev.perfplatform.ratelimit.spring.internal.ClientAddressResolver;
import dev.perfplatform.ratelimit.spring.internal.IetfDraft10Headers;
import dev.perfplatform.ratelimit.spring.internal.IpRange;
import dev.perfplatform.ratelimit.spring.internal.LegacyHeaders;
import dev.perfplatform.ratelimit.spring.internal.ProblemDetailResponseWriter;
import dev.perfplatform.ratelimit.spring.internal.RateLimitedHandlers;
import dev.perfplatform.ratelimit.spring.internal.RequestRateLimiter;
import dev.perfplatform.ratelimit.spring.web.KeyResolver;
import dev.perfplatform.ratelimit.spring.web.RateLimitHeaderFormat;
import dev.perfplatform.ratelimit.spring.web.RateLimitResponseWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.util.pattern.PathPattern;

/** What both web stacks share: header format, 429 body and client-address resolution. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
@ConditionalOnClass(PathPattern.class)
class RateLimitWebConfiguration {

    @Bean
    @ConditionalOnMissingBean
    RequestRateLimiter rateLimitRequestLimiter(
            RateLimiterRegistry registry,
            Map<String, KeyResolver> keyResolvers,
            RateLimitHeaderFormat headers,
            RateLimitProperties properties) {
        return new RequestRateLimiter(
                registry, keyResolvers, headers, properties.getHeaders().isOnAllowed());
    }

    @Bean
    @ConditionalOnMissingBean
    RateLimitedHandlers rateLimitedHandlers() {
        return new RateLimitedHandlers();
    }

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
