package dev.perfplatform.payment.client;

/**
 * No answer from FluxPay: the connection failed, timed out or was reset, on every attempt the retry policy
 * allowed (or the calling thread was interrupted while backing off). Whether a POST took effect is unknown; calling
 * again with the same {@link RequestOptions#idempotencyKey() idempotency key} is safe.
 */
public final class FluxPayTransportException extends FluxPayException {

    private static final long serialVersionUID = 1L;

    private final int attempts;

    /**
     * A transport failure.
     *
     * @param message what failed
     * @param attempts how many attempts were made
     * @param requestId the request id the client sent
     * @param cause the last I/O failure
     */
    public FluxPayTransportException(String message, int attempts, String requestId, Throwable cause) {
        super(message, requestId, cause);
        this.attempts = attempts;
    }

    /** How many attempts were made. */
    public int attempts() {
        return attempts;
    }
}
