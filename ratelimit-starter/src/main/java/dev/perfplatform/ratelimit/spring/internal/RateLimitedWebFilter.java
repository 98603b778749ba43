package dev.perfplatform.ratelimit.spring.internal;

import dev.perfplatform.ratelimit.spring.web.RateLimitRequest;
import dev.perfplatform.ratelimit.spring.web.RateLimitResponseWriter;
import java.util.ArrayList;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.http.server.PathContainer;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import reactor.core.publisher.Mono;

/**
 * Applies {@code @RateLimited} on WebFlux handler methods. Only a request whose path matches the pattern of an
 * annotated method pays for the handler lookup.
 */
public final class RateLimitedWebFilter implements WebFilter, Ordered {

    private final RequestRateLimiter limiter;
    private final RateLimitedHandlers handlers;
    private final RequestMappingHandlerMapping mapping;
    private final ClientAddressResolver clients;
    private final RateLimitResponseWriter writer;
    private final List<PathPattern> annotatedPatterns;
    private final int order;

    /** A filter at {@code order}; fails when an annotation names a policy that is not configured. */
    public RateLimitedWebFilter(
            RequestRateLimiter limiter,
            RateLimitedHandlers handlers,
            RequestMappingHandlerMapping mapping,
            ClientAddressResolver clients,
            RateLimitResponseWriter writer,
            int order) {
        this.limiter = limiter;
        this.handlers = handlers;
        this.mapping = mapping;
        this.clients = clients;
        this.writer = writer;
        this.order = order;
        handlers.validate(mapping.getHandlerMethods().values(), limiter);
        List<PathPattern> patterns = new ArrayList<>();
        mapping.getHandlerMethods().forEach((info, method) -> {
            if (!handlers.policies(method).isEmpty()) {
                patterns.addAll(info.getPatternsCondition().getPatterns());
            }
        });
        this.annotatedPatterns = List.copyOf(patterns);
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        PathContainer path = exchange.getRequest().getPath().pathWithinApplication();
        if (annotatedPatterns.stream().noneMatch(pattern -> pattern.matches(path))) {
            return chain.filter(exchange);
        }
        return mapping.getHandler(exchange)
                .flatMap(handler -> handler instanceof HandlerMethod method
                        ? Mono.just(handlers.policies(method))
                        : Mono.just(List.<String>of()))
                .defaultIfEmpty(List.of())
                .flatMap(policies -> policies.isEmpty() ? chain.filter(exchange) : limit(exchange, chain, policies));
    }

    private Mono<Void> limit(ServerWebExchange exchange, WebFilterChain chain, List<String> policies) {
        return ExchangeViews.principalName(exchange).flatMap(principal -> {
            RateLimitRequest view = ExchangeViews.view(exchange, clients, principal.orElse(null));
            return ExchangeViews.admitOrReject(
                    limiter.evaluateNamed(view, policies), limiter, view, writer, exchange, chain);
        });
    }

    @Override
    public int getOrder() {
        return order;
    }
}
