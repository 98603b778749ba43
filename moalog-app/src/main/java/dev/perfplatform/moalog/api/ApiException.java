package dev.perfplatform.moalog.api;

/** A failure the caller sees as an error envelope with its code's status; cheap to throw (no stack trace). */
public class ApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ErrorCode code;

    public ApiException(ErrorCode code) {
        this(code, code.message());
    }

    /** With a message more precise than the code's own, e.g. naming the field at fault. */
    public ApiException(ErrorCode code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    @Override
    public String getMessage() {
        String message = super.getMessage();
        return message == null ? code.message() : message;
    }

    public ErrorCode code() {
        return code;
    }
}
