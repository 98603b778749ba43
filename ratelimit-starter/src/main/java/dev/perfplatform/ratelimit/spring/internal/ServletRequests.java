package dev.perfplatform.ratelimit.spring.internal;

import dev.perfplatform.ratelimit.spring.web.RateLimitRequest;
import dev.perfplatform.ratelimit.spring.web.RateLimitResponseWriter;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import org.jspecify.annotations.Nullable;

/** The servlet side's shared steps: the request view, waiting for the decisions, and writing the answer. */
final class ServletRequests {

    private ServletRequests() {}

    static RateLimitRequest view(HttpServletRequest request, String path, ClientAddressResolver clients) {
        return new ServletRequestView(
                request,
                request.getMethod(),
                path,
                clients.resolve(ServletPeer.of(request)),
                Principals.userName(request.getUserPrincipal()));
    }

    static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    /** Waits for the decisions, writes headers, and on a denial the 429; true when the request may proceed. */
    static boolean admit(
            CompletionStage<RequestRateLimiter.Outcome> decisions,
            RequestRateLimiter limiter,
            RateLimitRequest view,
            RateLimitResponseWriter writer,
            HttpServletResponse response)
            throws ServletException, IOException {
        RequestRateLimiter.Outcome outcome;
        try {
            outcome = decisions.toCompletableFuture().join();
        } catch (CompletionException e) {
            throw new ServletException("rate limiting failed", e.getCause());
        }
        limiter.writeHeaders(outcome, response::setHeader);
        if (outcome.denial() == null) {
            return true;
        }
        RateLimitResponseWriter.Body body = writer.render(outcome.denial(), view);
        response.setStatus(429);
        response.setContentType(body.contentType());
        response.setContentLength(body.content().length);
        response.getOutputStream().write(body.content());
        return false;
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
