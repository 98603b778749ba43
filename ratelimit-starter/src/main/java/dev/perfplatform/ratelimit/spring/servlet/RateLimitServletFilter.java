package dev.perfplatform.ratelimit.spring.servlet;

import dev.perfplatform.ratelimit.spring.web.ClientAddressResolver;
import dev.perfplatform.ratelimit.spring.web.RateLimitRequest;
import dev.perfplatform.ratelimit.spring.web.RateLimitResponseWriter;
import dev.perfplatform.ratelimit.spring.web.RequestRateLimiter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;
import java.util.concurrent.CompletionException;
import org.jspecify.annotations.Nullable;
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
        String method = request.getMethod();
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!limiter.applies(method, path)) {
            chain.doFilter(request, response);
            return;
        }
        ServletPeer.Peer peer = ServletPeer.of(request);
        Principal principal = request.getUserPrincipal();
        RateLimitRequest view = new ServletRequestView(
                request,
                method,
                path,
                clients.resolve(peer.address(), peer.forwardedFor(), peer.forwarded()),
                principal == null ? null : principal.getName());
        RequestRateLimiter.Outcome outcome;
        try {
            outcome = limiter.evaluate(view).toCompletableFuture().join();
        } catch (CompletionException e) {
            throw new ServletException("rate limiting failed", e.getCause());
        }
        limiter.writeHeaders(outcome, response::setHeader);
        if (outcome.denial() == null) {
            chain.doFilter(request, response);
            return;
        }
        RateLimitResponseWriter.Body body = writer.render(outcome.denial(), view);
        response.setStatus(429);
        response.setContentType(body.contentType());
        response.setContentLength(body.content().length);
        response.getOutputStream().write(body.content());
    }

    @Override
    public int getOrder() {
        return order;
    }

    /** The request view over a servlet request. */
    private record ServletRequestView(
            HttpServletRequest request,
            String method,
            String path,
            String clientAddress,
            @Nullable String principalName)
            implements RateLimitRequest {
        @Override
        public @Nullable String header(String name) {
            return request.getHeader(name);
        }
    }
}
