package dev.perfplatform.ratelimit.spring.internal;

import dev.perfplatform.ratelimit.spring.web.RateLimitRequest;
import dev.perfplatform.ratelimit.spring.web.RateLimitResponseWriter;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** The WebFlux side's shared steps: the request view and the answer to the decisions. */
final class ExchangeViews {

    private ExchangeViews() {}

    static RateLimitRequest view(
            ServerWebExchange exchange, ClientAddressResolver clients, @Nullable String principal) {
        ServerHttpRequest request = exchange.getRequest();
        return new ExchangeRequest(
                request,
                request.getMethod().name(),
                request.getPath().pathWithinApplication().value(),
                clients.resolve(ConnectionPeer.of(request)),
                principal);
    }

    /** The authenticated user's name, if any: always one element, so callers can flatMap on it. */
    static Mono<Optional<String>> principalName(ServerWebExchange exchange) {
        return exchange.getPrincipal()
                .map(principal -> Optional.ofNullable(Principals.userName(principal)))
                .defaultIfEmpty(Optional.empty());
    }

    /** Writes the headers, then continues the chain, or answers 429 on a denial. */
    static Mono<Void> admitOrReject(
            CompletionStage<RequestRateLimiter.Outcome> decisions,
            RequestRateLimiter limiter,
            RateLimitRequest view,
            RateLimitResponseWriter writer,
            ServerWebExchange exchange,
            WebFilterChain chain) {
        // A Redis decision completes on Lettuce's I/O thread: answer from a Reactor thread instead, so the response is
        // never written from the Redis client's event loop.
        return Mono.fromCompletionStage(decisions)
                .publishOn(Schedulers.parallel())
                .flatMap(outcome -> {
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
