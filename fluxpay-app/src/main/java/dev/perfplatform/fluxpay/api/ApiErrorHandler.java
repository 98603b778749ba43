package dev.perfplatform.fluxpay.api;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ServerWebExchange;

/**
 * Failures outside an idempotent execution (reads, bad parameters, and Spring's own refusals: no such endpoint or
 * method, a body over the codec limit, see {@link ClientErrors}) as error envelopes; anything else is a logged 500
 * {@code SYS_001}.
 */
@RestControllerAdvice
public class ApiErrorHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiErrorHandler.class);

    private final ApiResponses responses;
    private final ClientErrors clientErrors;

    public ApiErrorHandler(ApiResponses responses, ClientErrors clientErrors) {
        this.responses = responses;
        this.clientErrors = clientErrors;
    }

    @ExceptionHandler(ApiException.class)
    ResponseEntity<byte[]> apiException(ApiException failure) {
        return responses.failure(failure).toEntity(false);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<byte[]> failed(Exception failure, ServerWebExchange exchange) {
        ClientErrors.Refusal refusal = clientErrors.of(failure, exchange.getRequest());
        if (refusal != null) {
            return refusal.toEntity();
        }
        log.error("unexpected failure", failure);
        return responses.failure(new ApiException(ErrorCode.SYS_001)).toEntity(false);
    }
}
