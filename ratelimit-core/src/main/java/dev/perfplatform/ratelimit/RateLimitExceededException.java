package dev.perfplatform.ratelimit;

/** Signals a denied request where an API reports failures as exceptions (the Reactor operator). */
public final class RateLimitExceededException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Decision decision;

    /** For {@code decision}, which must be a denial. */
    public RateLimitExceededException(Decision decision) {
        super("rate limit '" + decision.policy().name() + "' exceeded; retry after " + decision.retryAfterMicros()
                + " us");
        this.decision = decision;
    }

    /** The denial. */
    public Decision decision() {
        return decision;
    }
}
