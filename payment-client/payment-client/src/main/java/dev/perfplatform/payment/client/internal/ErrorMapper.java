package dev.perfplatform.payment.client.internal;

import dev.perfplatform.payment.client.AuthenticationException;
import dev.perfplatform.payment.client.CallOutcome;
import dev.perfplatform.payment.client.ErrorCodes;
import dev.perfplatform.payment.client.FieldError;
import dev.perfplatform.payment.client.FluxPayApiException;
import dev.perfplatform.payment.client.IdempotencyConflictException;
import dev.perfplatform.payment.client.RateLimitedException;
import dev.perfplatform.payment.client.RetryReason;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The one place that turns an error answer (status + error code) into an exception, a retry reason and an outcome. */
public final class ErrorMapper {

    private ErrorMapper() {}

    /** The exception for an error answer; the server's texts are redacted. */
    public static FluxPayApiException toException(
            int status, Envelope envelope, @Nullable Duration retryAfter, String requestId, Redactor redactor) {
        String code = envelope.code();
        String message = redactor.redactNullable(envelope.message());
        if (status == 401 || ErrorCodes.AUTHENTICATION_FAILED.equals(code)) {
            return new AuthenticationException(status, code, message, requestId);
        }
        if (ErrorCodes.IDEMPOTENCY_KEY_REUSED.equals(code)) {
            return new IdempotencyConflictException(status, code, message, requestId);
        }
        if (status == 429) {
            return new RateLimitedException(code, message, retryAfter, requestId);
        }
        List<FieldError> fieldErrors = envelope.fieldErrors().stream()
                .map(error -> new FieldError(error.field(), redactor.redactNullable(error.message())))
                .toList();
        return new FluxPayApiException(status, code, message, fieldErrors, requestId);
    }

    /** Why an error answer may be retried, or null when it must not be. */
    public static @Nullable RetryReason retryReason(int status, @Nullable String code) {
        if (status == 409) {
            return code == null || ErrorCodes.IDEMPOTENCY_KEY_IN_PROGRESS.equals(code) ? RetryReason.IN_PROGRESS : null;
        }
        if (status == 429) {
            return RetryReason.RATE_LIMITED;
        }
        return status >= 500 && status <= 599 ? RetryReason.SERVER_ERROR : null;
    }

    /** The metrics outcome of an error answer. */
    public static CallOutcome outcome(int status) {
        return status >= 500 ? CallOutcome.SERVER_ERROR : CallOutcome.CLIENT_ERROR;
    }
}
