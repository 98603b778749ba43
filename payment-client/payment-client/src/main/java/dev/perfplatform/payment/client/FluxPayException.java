package dev.perfplatform.payment.client;

import org.jspecify.annotations.Nullable;

/**
 * Base of every exception the client throws for a failed call; also thrown as such when a response cannot be
 * read. Carries the request id to quote to FluxPay support. Messages never contain the API key.
 */
public class FluxPayException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String requestId;

    /**
     * An exception with a message and an optional cause.
     *
     * @param message what went wrong (the request id is appended)
     * @param requestId the request id of the call
     * @param cause the underlying failure, if any
     */
    public FluxPayException(String message, String requestId, @Nullable Throwable cause) {
        super(message + " [request " + requestId + "]", cause);
        this.requestId = requestId;
    }

    /** The server's request id ({@code X-Request-Id}), or the one the client sent when no answer arrived. */
    public String requestId() {
        return requestId;
    }
}
