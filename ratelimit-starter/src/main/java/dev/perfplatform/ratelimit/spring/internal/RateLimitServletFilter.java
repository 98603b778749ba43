package dev.perfplatform.ratelimit.spring.internal;

import dev.perfplatform.ratelimit.spring.web.RateLimitRequest;
import dev.perfplatform.ratelimit.spring.web.RateLimitResponseWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Enforces the configured policies on a Servlet application: a denied request gets 429 with {@code Retry-After}, the
 * rate-limit headers and the {@link RateLimitResponseWriter}'s body, without reaching the servlet.
 */
public final class RateLimitServletFilter extends OncePerRequestFilter implements Ordered {

    private final RequestRateLimiter limiter;
    private final ClientAddressResolver clients;
    private final RateLimitResponseWriter writer;
    private final int order;

    /** A filter at {@code order} (see {@code RateLimitOrder}). */
    public RateLimitServletFilter(
            RequestRateLimiter limiter, ClientAddressResolver clients, RateLimitResponseWriter writer, int order) {
        this.limiter = limiter;
        this.clients = clients;
        this.writer = writer;
        this.order = order;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = ServletRequests.path(request);
        if (!limiter.applies(request.getMethod(), path)) {
            chain.doFilter(request, response);
            return;
        }
        RateLimitRequest view = ServletRequests.view(request, path, clients);
        if (ServletRequests.admit(limiter.evaluate(view), limiter, view, writer, response)) {
            chain.doFilter(request, response);
        }
    }

    @Override
    public int getOrder() {
        return order;
    }
}
