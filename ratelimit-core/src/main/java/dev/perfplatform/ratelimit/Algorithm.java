package dev.perfplatform.ratelimit;

/** The rate-limiting algorithms, each a pure state transition shared in meaning by every engine. */
public enum Algorithm {
    /**
     * Token bucket with continuous refill: holds up to {@code capacity} permits and regains {@code refillTokens}
     * every {@code refillPeriod}, spread evenly. Allows bursts up to the capacity.
     */
    TOKEN_BUCKET(1),
    /** Exact sliding window: remembers every admitted request of the last window. Memory grows with the limit. */
    SLIDING_WINDOW_LOG(2),
    /**
     * Approximate sliding window from two fixed-window counters, the previous one weighted by how much of it still
     * overlaps the sliding window. Constant memory.
     */
    SLIDING_WINDOW_COUNTER(3),
    /** Fixed windows aligned to the clock: up to {@code limit} permits per window; a burst of 2× is possible at the seam. */
    FIXED_WINDOW(4),
    /**
     * Generic cell rate algorithm: one theoretical arrival time per key. Admits exactly what a token bucket of
     * capacity {@code burst} refilled at {@code rate} per {@code period} admits.
     */
    GCRA(5);

    private final int code;

    Algorithm(int code) {
        this.code = code;
    }

    /** The number that names this algorithm in the Redis script's arguments. */
    public int code() {
        return code;
    }
}
