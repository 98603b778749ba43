package dev.perfplatform.fluxpay.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The envelope of every merchant API answer: {@code {success, data, error, metadata}}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiResponse<T>(
        boolean success, @Nullable T data, @Nullable ApiError error, Metadata metadata) {

    public static <T> ApiResponse<T> ok(T data) {
        return new ApiResponse<>(true, data, null, Metadata.now());
    }

    public static ApiResponse<Void> failure(ErrorCode code, String message, List<FieldError> fieldErrors) {
        return new ApiResponse<>(
                false,
                null,
                new ApiError(code.name(), message, fieldErrors.isEmpty() ? null : fieldErrors),
                Metadata.now());
    }

    /** What went wrong: a stable code, a message, and per-field problems for invalid input. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ApiError(
            String code, String message, @Nullable List<FieldError> fieldErrors) {}

    /** One invalid field, named by its JSON path (e.g. {@code lineItems[0].quantity}). */
    public record FieldError(String field, String message) {}

    /** When the answer was made, and an id to find it in the logs. */
    public record Metadata(Instant timestamp, String traceId) {
        static Metadata now() {
            return new Metadata(Instant.now(), UUID.randomUUID().toString());
        }
    }
}
