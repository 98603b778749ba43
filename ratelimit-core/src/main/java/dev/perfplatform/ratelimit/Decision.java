package dev.perfplatform.ratelimit;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * The answer to one request: whether it is admitted and everything an HTTP layer needs to write {@code Retry-After}
 * and the IETF {@code RateLimit} headers without recomputing.
 *
 * <p>For a policy of several limits, the figures come from the limit that decided: when denied, the denying limit
 * with the longest wait; when admitted, the limit with the fewest permits left.
 *
 * <pre>{@code
 * Decision decision = limiter.acquire(clientIp);
 * if (!decision.isAllowed()) {
 *     response.setHeader("Retry-After", String.valueOf(decision.retryAfterSeconds()));
 *     response.setStatus(429);
 * }
 * }</pre>
 */
public final class Decision {

    private static final byte ALLOWED = 1;
    private static final byte DEGRADED = 2;
    private static final byte SHADOW_DENIED = 4;
    private static final long MICROS_PER_SECOND = 1_000_000;

    private final RateLimitPolicy policy;
    private final int permits; // at most the smallest capacity (10^9): an int keeps a decision at 48 bytes
    private final long remaining;
    private final long resetAfterMicros;
    private final long retryAfterMicros;
    private final byte flags;
    private final byte limitIndex;

    private Decision(
            RateLimitPolicy policy,
            int limitIndex,
            long permits,
            long remaining,
            long resetAfterMicros,
            long retryAfterMicros,
            byte flags) {
        this.policy = policy;
        this.limitIndex = (byte) limitIndex;
        this.permits = Math.toIntExact(permits);
        this.remaining = remaining;
        this.resetAfterMicros = resetAfterMicros;
        this.retryAfterMicros = retryAfterMicros;
        this.flags = flags;
    }

    /** An admitted request; {@code limitIndex} names the limit with the fewest permits left. */
    public static Decision allowed(
            RateLimitPolicy policy, int limitIndex, long permits, long remaining, long resetAfterMicros) {
        return new Decision(policy, limitIndex, permits, remaining, resetAfterMicros, 0, ALLOWED);
    }

    /** A denied request; {@code limitIndex} names the denying limit, {@code retryAfterMicros} when to try again. */
    public static Decision denied(
            RateLimitPolicy policy,
            int limitIndex,
            long permits,
            long remaining,
            long resetAfterMicros,
            long retryAfterMicros) {
        return new Decision(
                policy, limitIndex, permits, remaining, resetAfterMicros, Math.max(1, retryAfterMicros), (byte) 0);
    }

    /**
     * A decision made without the store, by a failure policy: admitted (fail open) or denied (fail closed) with no
     * limit evaluated. A denial asks to retry after {@code retryAfterMicros}.
     */
    public static Decision degraded(RateLimitPolicy policy, long permits, boolean allowed, long retryAfterMicros) {
        return new Decision(
                policy, -1, permits, allowed ? -1 : 0, 0, allowed ? 0 : Math.max(1, retryAfterMicros), (byte)
                        (DEGRADED | (allowed ? ALLOWED : 0)));
    }

    /** This decision, marked as made in a degraded mode (by a local fallback). */
    public Decision asDegraded() {
        return new Decision(
                policy, limitIndex, permits, remaining, resetAfterMicros, retryAfterMicros, (byte) (flags | DEGRADED));
    }

    /** In shadow mode: this decision admitted, remembering that it would have been denied. */
    public Decision asShadow() {
        if (isAllowed()) {
            return this;
        }
        return new Decision(
                policy, limitIndex, permits, remaining, resetAfterMicros, 0, (byte) (flags | ALLOWED | SHADOW_DENIED));
    }

    /** Whether the request may proceed. Always true in shadow mode. */
    public boolean isAllowed() {
        return (flags & ALLOWED) != 0;
    }

    /** Whether a shadow-mode policy admitted a request that it would otherwise have denied. */
    public boolean isShadowDenied() {
        return (flags & SHADOW_DENIED) != 0;
    }

    /** Whether the store was unavailable and a failure policy decided. */
    public boolean isDegraded() {
        return (flags & DEGRADED) != 0;
    }

    /** The outcome as counted by metrics. */
    public Outcome outcome() {
        if (isShadowDenied()) {
            return Outcome.SHADOW_DENIED;
        }
        return isAllowed() ? Outcome.ALLOWED : Outcome.DENIED;
    }

    /** The permits asked for. */
    public long permits() {
        return permits;
    }

    /** Permits left in the deciding limit after this request; -1 when unknown (fail open). */
    public long remaining() {
        return remaining;
    }

    /** The capacity of the deciding limit; -1 when no limit was evaluated. */
    public long limit() {
        Limit limit = decidingLimit();
        return limit == null ? -1 : limit.capacity();
    }

    /** Microseconds until the deciding limit is back to its full capacity (0 when it already is). */
    public long resetAfterMicros() {
        return resetAfterMicros;
    }

    /** {@link #resetAfterMicros()} as a duration. */
    public Duration resetAfter() {
        return Duration.ofNanos(resetAfterMicros * 1_000);
    }

    /** Microseconds until a request for the same permits could be admitted; 0 when admitted. */
    public long retryAfterMicros() {
        return retryAfterMicros;
    }

    /** {@link #retryAfterMicros()} as a duration. */
    public Duration retryAfter() {
        return Duration.ofNanos(retryAfterMicros * 1_000);
    }

    /** The wait in whole seconds, rounded up and at least 1, as {@code Retry-After} wants it; 0 when admitted. */
    public long retryAfterSeconds() {
        return retryAfterMicros == 0 ? 0 : Math.max(1, ceilSeconds(retryAfterMicros));
    }

    /** The time to a full reset in whole seconds, rounded up. */
    public long resetAfterSeconds() {
        return ceilSeconds(resetAfterMicros);
    }

    /** The policy that decided. */
    public RateLimitPolicy policy() {
        return policy;
    }

    /** The limit whose figures this decision carries, or null when none was evaluated. */
    public @Nullable Limit decidingLimit() {
        return limitIndex < 0 ? null : policy.limits().get(limitIndex);
    }

    /** Index of {@link #decidingLimit()} in the policy's limits, or -1. */
    public int decidingLimitIndex() {
        return limitIndex;
    }

    private static long ceilSeconds(long micros) {
        return (micros + MICROS_PER_SECOND - 1) / MICROS_PER_SECOND;
    }

    @Override
    public String toString() {
        return "Decision[" + outcome() + (isDegraded() ? " degraded" : "") + ", policy=" + policy.name() + ", permits="
                + permits + ", remaining=" + remaining + ", resetAfter=" + resetAfterMicros + "us, retryAfter="
                + retryAfterMicros + "us, limit=" + limitIndex + "]";
    }

    /** What a decision counts as in metrics. */
    public enum Outcome {
        /** Admitted. */
        ALLOWED,
        /** Denied. */
        DENIED,
        /** Admitted by a shadow-mode policy that would have denied it. */
        SHADOW_DENIED
    }
}
