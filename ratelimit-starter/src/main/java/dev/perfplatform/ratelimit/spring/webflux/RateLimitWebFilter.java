package dev.perfplatform.ratelimit.spring.webflux;

import dev.perfplatform.ratelimit.spring.web.ClientAddressResolver;
import dev.perfplatform.ratelimit.spring.web.RateLimitRequest;
import dev.perfplatform.ratelimit.spring.web.RateLimitResponseWriter;
import dev.perfplatform.ratelimit.spring.web.RequestRateLimiter;
import java.security.Principal;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
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
            return decide(exchange, chain, method, path, null);
        }
        return exchange.getPrincipal()
                .map(Principal::getName)
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .flatMap(name -> decide(exchange, chain, method, path, name.orElse(null)));
    }

    private Mono<Void> decide(
            ServerWebExchange exchange, WebFilterChain chain, String method, String path, @Nullable String principal) {
        ServerHttpRequest request = exchange.getRequest();
        RateLimitRequest view = new ExchangeRequest(request, method, path, clientAddress(request), principal);
        return Mono.fromCompletionStage(limiter.evaluate(view)).flatMap(outcome -> {
            ServerHttpResponse response = exchange.getResponse();
            HttpHeaders headers = response.getHeaders();
            limiter.writeHeaders(outcome, headers::set);
            if (outcome.denial() == null) {
                return chain.filter(exchange);
            }
            RateLimitResponseWriter.Body body = writer.render(outcome.denial(), view);
            response.setStatusCode(HttpStatus.TOO_MANY_REQUESTS);
            headers.set(HttpHeaders.CONTENT_TYPE, body.contentType());
            DataBuffer buffer = response.bufferFactory().wrap(body.content());
            return response.writeWith(Mono.just(buffer));
        });
    }

    private String clientAddress(ServerHttpRequest request) {
        ConnectionPeer.Peer peer = ConnectionPeer.of(request);
        return clients.resolve(peer.address(), peer.forwardedFor(), peer.forwarded());
    }

    @Override
    public int getOrder() {
        return order;
    }

    /** The request view over a WebFlux exchange. */
    private record ExchangeRequest(
            ServerHttpRequest request,
            String method,
            String path,
            String clientAddress,
            @Nullable String principalName) implements RateLimitRequest {
        @Override
        public @Nullable String header(String name) {
            return request.getHeaders().getFirst(name);
        }
    }
}
