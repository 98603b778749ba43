package dev.perfplatform.payment.client;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The idempotency key was already used for a different request ({@code 422}, code {@value
 * ErrorCodes#IDEMPOTENCY_KEY_REUSED}): a bug in how the caller derives its keys, never retried.
 */
public final class IdempotencyConflictException extends FluxPayApiException {

    private static final long serialVersionUID = 1L;

    /**
     * An idempotency conflict.
     *
     * @param status the HTTP status
     * @param code the error code, if any
     * @param errorMessage the server's message, if any
     * @param requestId the request id
     */
    public IdempotencyConflictException(
            int status, @Nullable String code, @Nullable String errorMessage, String requestId) {
        super(status, code, errorMessage, List.of(), requestId);
    }
}
