package dev.perfplatform.payment.client;

import java.util.Locale;

/** Why the client retried, as the {@code reason} tag of {@code payment.client.retries}. */
public enum RetryReason {
    /** The connection failed, timed out or was reset. */
    CONNECTION,
    /** {@code 409}: a request with the same idempotency key is still in progress. */
    IN_PROGRESS,
    /** {@code 429}. */
    RATE_LIMITED,
    /** {@code 5xx}. */
    SERVER_ERROR;

    /** The tag value: the name in lower case. */
    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }
}
