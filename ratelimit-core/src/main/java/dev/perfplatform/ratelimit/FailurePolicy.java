package dev.perfplatform.ratelimit;

/**
 * What a limiter answers when its store (Redis) fails or times out. Such decisions are flagged {@linkplain
 * Decision#isDegraded() degraded} and counted.
 *
 * <pre>{@code
 * FailurePolicy.failOpen()             // admit (the default): an outage of the limiter is not an outage of the API
 * FailurePolicy.failClosed()           // deny: for limits that protect money or abuse-prone paths
 * FailurePolicy.localFallback(0.25)    // decide in memory with a quarter of each limit (four instances share it)
 * }</pre>
 */
public final class FailurePolicy {

    /** The kinds of failure handling. */
    public enum Mode {
        /** Admit every request while the store is unavailable. */
        FAIL_OPEN,
        /** Deny every request while the store is unavailable. */
        FAIL_CLOSED,
        /** Decide with the in-memory engine, each limit scaled by {@link #localShare()}. */
        LOCAL_FALLBACK
    }

    private static final FailurePolicy OPEN = new FailurePolicy(Mode.FAIL_OPEN, 1.0);
    private static final FailurePolicy CLOSED = new FailurePolicy(Mode.FAIL_CLOSED, 1.0);

    private final Mode mode;
    private final double localShare;

    private FailurePolicy(Mode mode, double localShare) {
        this.mode = mode;
        this.localShare = localShare;
    }

    /** Admit while the store is down (the default). */
    public static FailurePolicy failOpen() {
        return OPEN;
    }

    /** Deny while the store is down. */
    public static FailurePolicy failClosed() {
        return CLOSED;
    }

    /**
     * Decide in memory while the store is down, with each limit's counts multiplied by {@code share} (rounded down,
     * at least 1): with N instances behind a load balancer, {@code 1.0 / N} keeps the total close to the limit.
     */
    public static FailurePolicy localFallback(double share) {
        if (!(share > 0.0 && share <= 1.0)) {
            throw new IllegalArgumentException("share must be in (0, 1] but was " + share);
        }
        return new FailurePolicy(Mode.LOCAL_FALLBACK, share);
    }

    /** The kind of handling. */
    public Mode mode() {
        return mode;
    }

    /** The share of each limit used by {@link Mode#LOCAL_FALLBACK}; 1.0 for the other modes. */
    public double localShare() {
        return localShare;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof FailurePolicy that && mode == that.mode && localShare == that.localShare;
    }

    @Override
    public int hashCode() {
        return mode.hashCode() * 31 + Double.hashCode(localShare);
    }

    @Override
    public String toString() {
        return mode == Mode.LOCAL_FALLBACK ? "LOCAL_FALLBACK(" + localShare + ")" : mode.name();
    }
}
