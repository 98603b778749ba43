package dev.perfplatform.ratelimit;

/** A limiter's store failed where no failure policy applies (for example {@code reset} while Redis is down). */
public final class RateLimiterStoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** With a message saying what failed, and the store's own error. */
    public RateLimiterStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
