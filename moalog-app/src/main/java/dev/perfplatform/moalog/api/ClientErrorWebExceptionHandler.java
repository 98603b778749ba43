package dev.perfplatform.moalog.api;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

/**
 * Answers a failure raised outside any handler's dispatch (no handler for the path, a filter's refusal) with the same
 * envelope {@link ApiErrorHandler} gives inside it, and anything else with a logged {@code COMMON500}: no answer
 * leaves the app in another shape. Ordered before Boot's {@code DefaultErrorWebExceptionHandler} ({@code -1}).
 */
@Component
@Order(-2)
class ClientErrorWebExceptionHandler implements WebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ClientErrorWebExceptionHandler.class);

    private final Envelopes envelopes;

    ClientErrorWebExceptionHandler(Envelopes envelopes) {
        this.envelopes = envelopes;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable failure) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.error(failure);
        }
        ClientErrors.Refusal refusal = ClientErrors.of(failure);
        if (refusal == null) {
            log.error("unexpected failure outside a handler", failure);
            return envelopes.write(response, new ApiException(ErrorCode.INTERNAL_ERROR));
        }
        response.getHeaders().putAll(refusal.headers());
        return envelopes.write(response, refusal.failure());
    }
}
