package dev.perfplatform.fluxpay.api;

import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

/**
 * Answers a refusal raised outside any controller's dispatch (in a filter, before a handler is chosen) with the same
 * envelope {@link ApiErrorHandler} gives inside it ({@link ClientErrors}); anything else goes on to Boot's error
 * handler. Ordered before Boot's {@code DefaultErrorWebExceptionHandler} ({@code -1}).
 */
@Component
@Order(-2)
class ClientErrorWebExceptionHandler implements WebExceptionHandler {

    private final ClientErrors clientErrors;

    ClientErrorWebExceptionHandler(ClientErrors clientErrors) {
        this.clientErrors = clientErrors;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable failure) {
        ServerHttpResponse response = exchange.getResponse();
        ClientErrors.Refusal refusal = response.isCommitted() ? null : clientErrors.of(failure, exchange.getRequest());
        if (refusal == null) {
            return Mono.error(failure);
        }
        response.setStatusCode(HttpStatusCode.valueOf(refusal.rendered().status()));
        HttpHeaders headers = response.getHeaders();
        headers.putAll(refusal.headers());
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.set(HttpHeaders.CACHE_CONTROL, "no-store");
        return response.writeWith(
                Mono.just(response.bufferFactory().wrap(refusal.rendered().body())));
    }
}
