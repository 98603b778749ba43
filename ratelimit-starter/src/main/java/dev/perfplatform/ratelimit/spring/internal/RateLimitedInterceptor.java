package dev.perfplatform.ratelimit.spring.internal;

import dev.perfplatform.ratelimit.spring.web.RateLimitRequest;
import dev.perfplatform.ratelimit.spring.web.RateLimitResponseWriter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/** Applies {@code @RateLimited} on Spring MVC handler methods. */
public final class RateLimitedInterceptor implements HandlerInterceptor {

    private final RequestRateLimiter limiter;
    private final RateLimitedHandlers handlers;
    private final ClientAddressResolver clients;
    private final RateLimitResponseWriter writer;

    /** Deciding with {@code limiter} the policies {@code handlers} reads from the annotations. */
    public RateLimitedInterceptor(
            RequestRateLimiter limiter,
            RateLimitedHandlers handlers,
            ClientAddressResolver clients,
            RateLimitResponseWriter writer) {
        this.limiter = limiter;
        this.handlers = handlers;
        this.clients = clients;
        this.writer = writer;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws Exception {
        if (!(handler instanceof HandlerMethod method)) {
            return true;
        }
        List<String> policies = handlers.policies(method);
        if (policies.isEmpty()) {
            return true;
        }
        RateLimitRequest view = ServletRequests.view(request, ServletRequests.path(request), clients);
        return ServletRequests.admit(limiter.evaluateNamed(view, policies), limiter, view, writer, response);
    }
}
