package dev.perfplatform.payment.client.webhook;

/** A webhook failed verification; answer it {@code 400} (or {@code 401}) and do not process it. */
public final class WebhookVerificationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final Reason reason;

    /**
     * A verification failure.
     *
     * @param reason why
     * @param message details (never a secret)
     */
    public WebhookVerificationException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    /** Why verification failed. */
    public Reason reason() {
        return reason;
    }

    /** Why a webhook failed verification. */
    public enum Reason {
        /** {@code webhook-id}, {@code webhook-timestamp} or {@code webhook-signature} is missing. */
        MISSING_HEADER,
        /** {@code webhook-timestamp} is not Unix seconds. */
        INVALID_TIMESTAMP,
        /** The attempt is older than the tolerance: possibly a replay. */
        TIMESTAMP_TOO_OLD,
        /** The attempt claims to come from further in the future than the tolerance. */
        TIMESTAMP_TOO_NEW,
        /** No {@code v1} signature matches any configured secret. */
        NO_MATCHING_SIGNATURE,
        /** The signature is valid but the body is not a webhook event ({@code {type, timestamp, data}}). */
        INVALID_PAYLOAD
    }
}
