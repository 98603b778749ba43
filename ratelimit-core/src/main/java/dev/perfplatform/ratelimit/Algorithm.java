package dev.perfplatform.ratelimit;

/** The rate-limiting algorithms, each a pure state transition shared in meaning by every engine. */
public enum Algorithm {
    /**
     * Token bucket with continuous refill: holds up to {@code capacity} permits and regains {@code refillTokens}
     * every {@code refillPeriod}, spread evenly. Allows bursts up to the capacity.
     */
    TOKEN_BUCKET,
    /** Exact sliding window: remembers every admitted request of the last window. Memory grows with the limit. */
    SLIDING_WINDOW_LOG,
    /**
     * Approximate sliding window from two fixed-window counters, the previous one weighted by how much of it still
     * overlaps the sliding window. Constant memory.
     */
    SLIDING_WINDOW_COUNTER,
    /** Fixed windows aligned to the clock: up to {@code limit} permits per window; a burst of 2× is possible at the seam. */
    FIXED_WINDOW,
    /**
     * Generic cell rate algorithm: one theoretical arrival time per key. Admits exactly what a token bucket of
     * capacity {@code burst} refilled at {@code rate} per {@code period} admits.
     */
    GCRA
}
