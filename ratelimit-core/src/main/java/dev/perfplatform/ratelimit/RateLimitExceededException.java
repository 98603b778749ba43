package dev.perfplatform.ratelimit;

/**
 * Signals a denied request where an API reports failures as exceptions (the Reactor operator).
 *
 * <p>It carries no stack trace: a denial is an expected answer, not a fault, and under a flood of denials filling in
 * a trace (a walk of the whole call stack per instance) would be most of the cost of saying no. {@link #decision()}
 * says everything about it; suppressed exceptions (Reactor's checkpoints, for example) are still recorded.
 */
public final class RateLimitExceededException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Decision decision;

    /** For {@code decision}, which must be a denial. */
    public RateLimitExceededException(Decision decision) {
        super(
                "rate limit '" + decision.policy().name() + "' exceeded; retry after " + decision.retryAfterMicros()
                        + " us",
                null,
                true,
                false); // no stack trace: see the class comment
        this.decision = decision;
    }

    /** The denial. */
    public Decision decision() {
        return decision;
    }
}
