package dev.perfplatform.ratelimit.spring.internal;

import dev.perfplatform.ratelimit.spring.InvalidRateLimitConfigurationException;
import dev.perfplatform.ratelimit.spring.RateLimited;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.method.HandlerMethod;

/** Which policies {@link RateLimited} puts on a handler method (on the method, else on its class), remembered. */
public final class RateLimitedHandlers {

    private final Map<HandlerMethod, List<String>> policies = new ConcurrentHashMap<>();

    /** The policy names of {@code handler}; empty when it is not annotated. */
    public List<String> policies(HandlerMethod handler) {
        return policies.computeIfAbsent(handler, RateLimitedHandlers::read);
    }

    /** Fails, naming the method, when an annotation names a policy that is not configured. */
    public void validate(Collection<HandlerMethod> handlers, RequestRateLimiter limiter) {
        for (HandlerMethod handler : handlers) {
            for (String name : policies(handler)) {
                if (!limiter.hasPolicy(name)) {
                    throw new InvalidRateLimitConfigurationException(
                            "@RateLimited on " + handler.getShortLogMessage(),
                            "no policy named '" + name + "' in ratelimit.policies");
                }
            }
        }
    }

    private static List<String> read(HandlerMethod handler) {
        RateLimited annotation = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), RateLimited.class);
        if (annotation == null) {
            annotation = AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), RateLimited.class);
        }
        return annotation == null ? List.of() : List.of(annotation.value());
    }
}
