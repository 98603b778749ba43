package dev.perfplatform.payment.client;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * FluxPay answered with an error: its HTTP status, error code ({@code ORD_*}, {@code PAY_*}, {@code VAL_*}, ...),
 * message and field errors. Subclasses mark the errors a caller handles differently.
 */
public class FluxPayApiException extends FluxPayException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final @Nullable String code;
    private final @Nullable String errorMessage;
    private final List<FieldError> fieldErrors;

    /**
     * An API error.
     *
     * @param status the HTTP status
     * @param code the error code of the envelope, if any
     * @param errorMessage the message of the envelope, if any
     * @param fieldErrors the field errors of the envelope
     * @param requestId the request id
     */
    public FluxPayApiException(
            int status,
            @Nullable String code,
            @Nullable String errorMessage,
            List<FieldError> fieldErrors,
            String requestId) {
        super(describe(status, code, errorMessage, fieldErrors), requestId, null);
        this.status = status;
        this.code = code;
        this.errorMessage = errorMessage;
        this.fieldErrors = List.copyOf(fieldErrors);
    }

    /** The HTTP status. */
    public int status() {
        return status;
    }

    /** The error code, e.g. {@code PAY_007}; null when the answer had no envelope (a proxy's 502). */
    public @Nullable String code() {
        return code;
    }

    /** The server's message, if any. */
    public @Nullable String errorMessage() {
        return errorMessage;
    }

    /** The field errors of a validation failure; empty otherwise. */
    public List<FieldError> fieldErrors() {
        return fieldErrors;
    }

    private static String describe(
            int status, @Nullable String code, @Nullable String message, List<FieldError> fieldErrors) {
        StringBuilder text = new StringBuilder("HTTP ").append(status);
        if (code != null) {
            text.append(' ').append(code);
        }
        if (message != null) {
            text.append(": ").append(message);
        }
        for (FieldError error : fieldErrors) {
            text.append("; ").append(error.field()).append(": ").append(error.message());
        }
        return text.toString();
    }
}
