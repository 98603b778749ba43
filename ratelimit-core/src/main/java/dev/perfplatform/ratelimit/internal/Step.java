package dev.perfplatform.ratelimit.internal;

/**
 * The result of one limit's state transition: the verdict, the figures for the decision (in ticks of the limit's
 * resolution) and the state to store when the policy admits the request. Mutable scratch, reused by its owner.
 */
public final class Step {
    /** Whether this limit admits the request. */
    public boolean allowed;
    /** Permits left after the request (or now, when denied). */
    public long remaining;
    /** Ticks until the limit is back to full capacity. */
    public long resetTicks;
    /** Ticks until the same request could be admitted; 0 when admitted. */
    public long retryTicks;
    /** Whether the state is back to what an unknown key has, so it can be forgotten without effect. */
    public boolean fresh;
    /** The new state words, to store when every limit of the policy admits the request. */
    public long s0;
    /** Second state word. */
    public long s1;
    /** Third state word. */
    public long s2;

    void allow(long remainingPermits, long reset) {
        allowed = true;
        remaining = remainingPermits;
        resetTicks = reset;
        retryTicks = 0;
    }

    void deny(long remainingPermits, long reset, long retry) {
        allowed = false;
        remaining = remainingPermits;
        resetTicks = reset;
        retryTicks = retry;
    }

    void state(long w0, long w1, long w2) {
        s0 = w0;
        s1 = w1;
        s2 = w2;
    }
}
