package dev.perfplatform.fluxpay.api;

import java.util.List;

/** A failure the merchant sees as an error envelope with its code's status. */
public class ApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ErrorCode code;
    private final transient List<ApiResponse.FieldError> fieldErrors;

    public ApiException(ErrorCode code) {
        this(code, code.message(), List.of());
    }

    public ApiException(ErrorCode code, String message) {
        this(code, message, List.of());
    }

    public ApiException(ErrorCode code, String message, List<ApiResponse.FieldError> fieldErrors) {
        super(message, null, false, false);
        this.code = code;
        this.fieldErrors = List.copyOf(fieldErrors);
    }

    @Override
    public String getMessage() {
        String message = super.getMessage();
        return message == null ? code.message() : message;
    }

    public ErrorCode code() {
        return code;
    }

    public List<ApiResponse.FieldError> fieldErrors() {
        return fieldErrors;
    }
}
