package dev.perfplatform.ratelimit.spring.internal;

import dev.perfplatform.ratelimit.spring.web.RateLimitRequest;
import dev.perfplatform.ratelimit.spring.web.RateLimitResponseWriter;
import org.jspecify.annotations.Nullable;
import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Enforces the configured policies on a WebFlux application: a denied request gets 429 with {@code Retry-After}, the
 * rate-limit headers and the {@link RateLimitResponseWriter}'s body, without reaching the handler.
 */
public final class RateLimitWebFilter implements WebFilter, Ordered {

    private final RequestRateLimiter limiter;
    private final ClientAddressResolver clients;
    private final RateLimitResponseWriter writer;
    private final int order;

    /** A filter at {@code order} (see {@code RateLimitOrder}). */
    public RateLimitWebFilter(
            RequestRateLimiter limiter, ClientAddressResolver clients, RateLimitResponseWriter writer, int order) {
        this.limiter = limiter;
        this.clients = clients;
        this.writer = writer;
        this.order = order;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        String method = request.getMethod().name();
        String path = request.getPath().pathWithinApplication().value();
        if (!limiter.applies(method, path)) {
            return chain.filter(exchange);
        }
        if (!limiter.needsPrincipal(method, path)) {
            return decide(exchange, chain, null);
        }
        return ExchangeViews.principalName(exchange).flatMap(name -> decide(exchange, chain, name.orElse(null)));
    }

    private Mono<Void> decide(ServerWebExchange exchange, WebFilterChain chain, @Nullable String principal) {
        RateLimitRequest view = ExchangeViews.view(exchange, clients, principal);
        return ExchangeViews.admitOrReject(limiter.evaluate(view), limiter, view, writer, exchange, chain);
    }

    @Override
    public int getOrder() {
        return order;
    }
}
