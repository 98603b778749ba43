package dev.perfplatform.fluxpay.api;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ServerWebInputException;

/** Failures outside an idempotent execution (reads, bad parameters) as error envelopes. */
@RestControllerAdvice
public class ApiErrorHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiErrorHandler.class);

    private final ApiResponses responses;

    public ApiErrorHandler(ApiResponses responses) {
        this.responses = responses;
    }

    @ExceptionHandler(ApiException.class)
    ResponseEntity<byte[]> apiException(ApiException failure) {
        return responses.failure(failure).toEntity(false);
    }

    @ExceptionHandler(ServerWebInputException.class)
    ResponseEntity<byte[]> badInput(ServerWebInputException failure) {
        String reason = failure.getReason();
        return responses
                .failure(new ApiException(ErrorCode.VAL_001, reason == null ? "Invalid request" : reason))
                .toEntity(false);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<byte[]> unexpected(Exception failure) {
        log.error("unexpected failure", failure);
        return responses.failure(new ApiException(ErrorCode.SYS_001)).toEntity(false);
    }
}
