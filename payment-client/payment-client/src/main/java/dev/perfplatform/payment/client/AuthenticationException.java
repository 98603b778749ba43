package dev.perfplatform.payment.client;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** The API key is missing, wrong or revoked ({@code 401}, code {@value ErrorCodes#AUTHENTICATION_FAILED}). */
public final class AuthenticationException extends FluxPayApiException {

    private static final long serialVersionUID = 1L;

    /**
     * An authentication failure.
     *
     * @param status the HTTP status
     * @param code the error code, if any
     * @param errorMessage the server's message, if any
     * @param requestId the request id
     */
    public AuthenticationException(int status, @Nullable String code, @Nullable String errorMessage, String requestId) {
        super(status, code, errorMessage, List.of(), requestId);
    }
}
