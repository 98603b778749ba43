package dev.perfplatform.payment.client;

import dev.perfplatform.payment.client.internal.Args;
import java.time.Duration;

/**
 * When the client retries a call by itself: on connection failures, {@code 409} "request in progress", {@code 429}
 * and {@code 5xx}, with exponential backoff and jitter, never past a total deadline. A {@code Retry-After} from
 * the server replaces the backoff, capped at what is left of the deadline. Every retry of a POST carries the same
 * {@code Idempotency-Key}, so it cannot apply twice.
 *
 * <pre>{@code
 * RetryPolicy policy = RetryPolicy.builder().maxRetries(3).deadline(Duration.ofSeconds(10)).build();
 * }</pre>
 */
public final class RetryPolicy {

    /** Retries after the first attempt. */
    public static final int DEFAULT_MAX_RETRIES = 2;

    /** Backoff before the first retry (then doubled for each retry). */
    public static final Duration DEFAULT_BASE_DELAY = Duration.ofMillis(500);

    /** Longest backoff between two attempts. */
    public static final Duration DEFAULT_MAX_DELAY = Duration.ofSeconds(5);

    /** No retry starts later than this after the call began. */
    public static final Duration DEFAULT_DEADLINE = Duration.ofSeconds(30);

    private static final RetryPolicy DEFAULTS = builder().build();

    private final int maxRetries;
    private final Duration baseDelay;
    private final Duration maxDelay;
    private final Duration deadline;

    private RetryPolicy(Builder builder) {
        this.maxRetries = builder.maxRetries;
        this.baseDelay = builder.baseDelay;
        this.maxDelay = builder.maxDelay;
        this.deadline = builder.deadline;
    }

    /** The defaults: 2 retries, 500 ms base, 5 s cap, 30 s deadline. */
    public static RetryPolicy ofDefaults() {
        return DEFAULTS;
    }

    /** Never retry. */
    public static RetryPolicy none() {
        return builder().maxRetries(0).build();
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from this policy. */
    public Builder toBuilder() {
        return new Builder()
                .maxRetries(maxRetries)
                .baseDelay(baseDelay)
                .maxDelay(maxDelay)
                .deadline(deadline);
    }

    /** Retries after the first attempt. */
    public int maxRetries() {
        return maxRetries;
    }

    /** Backoff before the first retry. */
    public Duration baseDelay() {
        return baseDelay;
    }

    /** Longest backoff. */
    public Duration maxDelay() {
        return maxDelay;
    }

    /** No retry starts later than this after the call began. */
    public Duration deadline() {
        return deadline;
    }

    /**
     * The backoff before retry {@code retry} (1 for the first): {@code min(maxDelay, baseDelay × 2^(retry-1))},
     * scaled by {@code 0.5 + jitter / 2} so that concurrent clients spread out.
     *
     * @param retry 1 for the first retry
     * @param jitter a random number in {@code [0, 1)}
     */
    public Duration backoff(int retry, double jitter) {
        if (retry < 1) {
            throw new IllegalArgumentException("retry must be at least 1, was " + retry);
        }
        long cap = maxDelay.toNanos();
        long exponential = baseDelay.toNanos();
        for (int i = 1; i < retry && exponential < cap; i++) {
            exponential *= 2;
        }
        double scale = 0.5 + Math.min(Math.max(jitter, 0.0), 1.0) / 2;
        return Duration.ofNanos((long) (Math.min(exponential, cap) * scale));
    }

    @Override
    public String toString() {
        return "RetryPolicy{maxRetries=" + maxRetries + ", baseDelay=" + baseDelay + ", maxDelay=" + maxDelay
                + ", deadline=" + deadline + "}";
    }

    /** Builds a {@link RetryPolicy}; every value starts at its {@code DEFAULT_*}. */
    public static final class Builder {
        private int maxRetries = DEFAULT_MAX_RETRIES;
        private Duration baseDelay = DEFAULT_BASE_DELAY;
        private Duration maxDelay = DEFAULT_MAX_DELAY;
        private Duration deadline = DEFAULT_DEADLINE;

        private Builder() {}

        /** Retries after the first attempt; 0 turns retries off. */
        public Builder maxRetries(int maxRetries) {
            if (maxRetries < 0) {
                throw new IllegalArgumentException("maxRetries must not be negative, was " + maxRetries);
            }
            this.maxRetries = maxRetries;
            return this;
        }

        /** Backoff before the first retry. */
        public Builder baseDelay(Duration baseDelay) {
            this.baseDelay = Args.positive(baseDelay, "baseDelay");
            return this;
        }

        /** Longest backoff. */
        public Builder maxDelay(Duration maxDelay) {
            this.maxDelay = Args.positive(maxDelay, "maxDelay");
            return this;
        }

        /** No retry starts later than this after the call began. */
        public Builder deadline(Duration deadline) {
            this.deadline = Args.positive(deadline, "deadline");
            return this;
        }

        /** The policy; fails when the base delay exceeds the cap. */
        public RetryPolicy build() {
            if (baseDelay.compareTo(maxDelay) > 0) {
                throw new IllegalArgumentException(
                        "baseDelay (" + baseDelay + ") must not exceed maxDelay (" + maxDelay + ")");
            }
            return new RetryPolicy(this);
        }
    }
}
