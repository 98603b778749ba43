package dev.perfplatform.ratelimit.spring;

import dev.perfplatform.ratelimit.spring.servlet.RateLimitServletFilter;
import dev.perfplatform.ratelimit.spring.servlet.TomcatPeerValve;
import dev.perfplatform.ratelimit.spring.web.ClientAddressResolver;
import dev.perfplatform.ratelimit.spring.web.KeyResolver;
import dev.perfplatform.ratelimit.spring.web.RateLimitHeaderFormat;
import dev.perfplatform.ratelimit.spring.web.RateLimitResponseWriter;
import dev.perfplatform.ratelimit.spring.web.RequestRateLimiter;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/** The Servlet filter, in servlet web applications only, and Tomcat's peer-recording valve. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(OncePerRequestFilter.class)
class RateLimitServletConfiguration {

    @Bean
    @ConditionalOnMissingBean
    RateLimitServletFilter rateLimitServletFilter(
            RateLimiterRegistry registry,
            Map<String, KeyResolver> keyResolvers,
            RateLimitHeaderFormat headers,
            ClientAddressResolver clients,
            RateLimitResponseWriter writer,
            RateLimitProperties properties) {
        RequestRateLimiter limiter = new RequestRateLimiter(
                registry, keyResolvers, headers, properties.getHeaders().isOnAllowed());
        return new RateLimitServletFilter(limiter, clients, writer, properties.getFilterOrder());
    }

    /** Records the true peer before Tomcat's RemoteIpValve rewrites it (forward-headers-strategy=native). */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(
            name = {
                "org.apache.catalina.valves.ValveBase",
                "org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory"
            })
    static class TomcatConfiguration {
        @Bean
        TomcatPeerValve.Customizer rateLimitTomcatPeerValve() {
            return new TomcatPeerValve.Customizer();
        }
    }
}
