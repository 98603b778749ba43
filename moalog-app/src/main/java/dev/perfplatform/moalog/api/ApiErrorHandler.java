package dev.perfplatform.moalog.api;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Failures inside a handler's dispatch as envelopes: an {@link ApiException} with its code, Spring's refusals of the
 * request through {@link ClientErrors}, and anything else a logged 500 {@code COMMON500} whose message reveals
 * nothing.
 */
@RestControllerAdvice
public class ApiErrorHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiErrorHandler.class);

    private final Envelopes envelopes;

    public ApiErrorHandler(Envelopes envelopes) {
        this.envelopes = envelopes;
    }

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ApiResponse<Void>> apiException(ApiException failure) {
        return envelopes.entity(failure);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ApiResponse<Void>> failed(Exception failure) {
        ClientErrors.Refusal refusal = ClientErrors.of(failure);
        if (refusal != null) {
            return ResponseEntity.status(refusal.failure().code().status())
                    .headers(refusal.headers())
                    .body(envelopes.entity(refusal.failure()).getBody());
        }
        log.error("unexpected failure", failure);
        return envelopes.entity(new ApiException(ErrorCode.INTERNAL_ERROR));
    }
}
