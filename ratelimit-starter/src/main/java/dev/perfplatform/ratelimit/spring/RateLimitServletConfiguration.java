package dev.perfplatform.ratelimit.spring;

import dev.perfplatform.ratelimit.spring.internal.ClientAddressResolver;
import dev.perfplatform.ratelimit.spring.internal.RateLimitServletFilter;
import dev.perfplatform.ratelimit.spring.internal.RateLimitedHandlers;
import dev.perfplatform.ratelimit.spring.internal.RateLimitedInterceptor;
import dev.perfplatform.ratelimit.spring.internal.RequestRateLimiter;
import dev.perfplatform.ratelimit.spring.internal.TomcatPeerValve;
import dev.perfplatform.ratelimit.spring.web.RateLimitResponseWriter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** The Servlet filter, in servlet web applications only, and Tomcat's peer-recording valve. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(OncePerRequestFilter.class)
class RateLimitServletConfiguration {

    @Bean
    @ConditionalOnMissingBean
    RateLimitServletFilter rateLimitServletFilter(
            RequestRateLimiter limiter,
            ClientAddressResolver clients,
            RateLimitResponseWriter writer,
            RateLimitProperties properties) {
        return new RateLimitServletFilter(limiter, clients, writer, properties.getFilterOrder());
    }

    /** {@code @RateLimited} on Spring MVC controllers, checked against the policies once the mappings exist. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(WebMvcConfigurer.class)
    static class AnnotationConfiguration {
        @Bean
        WebMvcConfigurer rateLimitedInterceptorConfigurer(
                RequestRateLimiter limiter,
                RateLimitedHandlers handlers,
                ClientAddressResolver clients,
                RateLimitResponseWriter writer) {
            RateLimitedInterceptor interceptor = new RateLimitedInterceptor(limiter, handlers, clients, writer);
            return new WebMvcConfigurer() {
                @Override
                public void addInterceptors(InterceptorRegistry registry) {
                    registry.addInterceptor(interceptor);
                }
            };
        }

        @Bean
        SmartInitializingSingleton rateLimitedAnnotationCheck(
                ObjectProvider<RequestMappingHandlerMapping> mappings,
                RequestRateLimiter limiter,
                RateLimitedHandlers handlers) {
            return () -> mappings.orderedStream()
                    .forEach(mapping ->
                            handlers.validate(mapping.getHandlerMethods().values(), limiter));
        }
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
