package dev.perfplatform.bench;

/**
 * The no-synchronisation baseline: a token bucket in two plain fields, no atomics, no allocation, no key. What a
 * decision costs when nothing is shared; wrong under concurrent use, which is the point of a baseline.
 */
public final class UnsynchronizedBucket {

    private final long capacity;
    private final long nanosPerToken;
    private long tokens;
    private long lastRefillNanos;

    /** A full bucket of {@code capacity} tokens, one more every {@code nanosPerToken}. */
    public UnsynchronizedBucket(long capacity, long nanosPerToken) {
        this.capacity = capacity;
        this.nanosPerToken = Math.max(1, nanosPerToken);
        this.tokens = capacity;
        this.lastRefillNanos = System.nanoTime();
    }

    /** Takes one token if there is one; returns the tokens left, or -1 when denied. */
    public long tryAcquire() {
        long now = System.nanoTime();
        long refill = (now - lastRefillNanos) / nanosPerToken;
        if (refill > 0) {
            tokens = Math.min(capacity, tokens + refill);
            lastRefillNanos += refill * nanosPerToken;
        }
        if (tokens > 0) {
            return --tokens;
        }
        return -1;
    }
}
