package dev.perfplatform.ratelimit;

import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One limit of a {@link RateLimitPolicy}: an algorithm with its numbers. Immutable; build one with a factory:
 *
 * <pre>{@code
 * Limit perSecond = Limit.tokenBucket(10, 10, Duration.ofSeconds(1));   // burst 10, 10 per second
 * Limit perHour = Limit.slidingWindowCounter(1_000, Duration.ofHours(1)).named("hourly");
 * }</pre>
 *
 * <p>Counts go up to {@value #MAX_COUNT} ({@value #MAX_LOG_LIMIT} for a sliding window log, which keeps an entry per
 * admitted request) and periods up to {@link #MAX_PERIOD}. All arithmetic is integer and stays
 * below 2<sup>53</sup> so the Redis script (Lua numbers are doubles) computes exactly what the JVM computes. Time is
 * counted in microseconds, or in a coarser {@linkplain #resolutionMicros() resolution} when {@code count × period}
 * would not fit (10<sup>9</sup> permits per 30 days, for example, is resolved to about a second).
 */
public final class Limit {

    /** The largest capacity, limit, rate or burst accepted. */
    public static final long MAX_COUNT = 1_000_000_000L;

    /**
     * The largest limit of a {@linkplain #slidingWindowLog(long, Duration) sliding window log}. The log keeps one
     * entry per admitted request of the window (on Redis, a sorted-set member of about 100 bytes), and a denial may
     * walk up to the limit's worth of them to find its retry-after, so the log is for limits of this size or less;
     * larger ones count with {@link #slidingWindowCounter(long, Duration)}. Both engines take their limits from here.
     */
    public static final long MAX_LOG_LIMIT = 100_000L;

    /** The longest period or window accepted. */
    public static final Duration MAX_PERIOD = Duration.ofDays(366);

    /** Products of a count and a period in ticks stay at or below this bound. */
    static final long MAX_PRODUCT = 1L << 52;

    private final Algorithm algorithm;
    private final long capacity;
    private final long refillTokens;
    private final Duration period;
    private final @Nullable String name;
    private final long resolutionMicros;
    private final long periodTicks;

    private Limit(Algorithm algorithm, long capacity, long refillTokens, Duration period, @Nullable String name) {
        this.algorithm = algorithm;
        this.capacity = capacity;
        this.refillTokens = refillTokens;
        this.period = period;
        this.name = name;
        long periodMicros = period.toNanos() / 1_000;
        this.resolutionMicros = algorithm == Algorithm.FIXED_WINDOW || algorithm == Algorithm.SLIDING_WINDOW_LOG
                ? 1
                : resolutionFor(capacity, periodMicros);
        this.periodTicks = Math.max(1, ceilDiv(periodMicros, resolutionMicros));
    }

    /**
     * A token bucket holding up to {@code capacity} permits, refilled continuously at {@code refillTokens} per
     * {@code refillPeriod}.
     */
    public static Limit tokenBucket(long capacity, long refillTokens, Duration refillPeriod) {
        checkCount("capacity", capacity);
        checkCount("refillTokens", refillTokens);
        checkPeriod("refillPeriod", refillPeriod);
        return new Limit(Algorithm.TOKEN_BUCKET, capacity, refillTokens, refillPeriod, null);
    }

    /**
     * At most {@code limit} permits in any window of length {@code window}, exactly (memory O(limit) per key);
     * {@code limit} up to {@value #MAX_LOG_LIMIT}.
     */
    public static Limit slidingWindowLog(long limit, Duration window) {
        checkCount("limit", limit, MAX_LOG_LIMIT);
        checkPeriod("window", window);
        return new Limit(Algorithm.SLIDING_WINDOW_LOG, limit, limit, window, null);
    }

    /** About {@code limit} permits in any window of length {@code window}, from two counters (constant memory). */
    public static Limit slidingWindowCounter(long limit, Duration window) {
        checkCount("limit", limit);
        checkPeriod("window", window);
        return new Limit(Algorithm.SLIDING_WINDOW_COUNTER, limit, limit, window, null);
    }

    /** At most {@code limit} permits per clock-aligned window of length {@code window}. */
    public static Limit fixedWindow(long limit, Duration window) {
        checkCount("limit", limit);
        checkPeriod("window", window);
        return new Limit(Algorithm.FIXED_WINDOW, limit, limit, window, null);
    }

    /** GCRA: {@code rate} permits per {@code period}, with bursts of up to {@code burst} permits. */
    public static Limit gcra(long rate, Duration period, long burst) {
        checkCount("rate", rate);
        checkPeriod("period", period);
        checkCount("burst", burst);
        return new Limit(Algorithm.GCRA, burst, rate, period, null);
    }

    /** This limit with a name, used in metrics-free places such as the {@code RateLimit-Policy} header. */
    public Limit named(String newName) {
        Objects.requireNonNull(newName, "name");
        if (newName.isBlank()) {
            throw new IllegalArgumentException("name must not be blank");
        }
        return new Limit(algorithm, capacity, refillTokens, period, newName);
    }

    /** The algorithm. */
    public Algorithm algorithm() {
        return algorithm;
    }

    /**
     * The most permits this limit can ever grant at once: the bucket capacity, the window limit or the GCRA burst.
     * A request for more is rejected with {@link IllegalArgumentException}.
     */
    public long capacity() {
        return capacity;
    }

    /** Permits regained per {@link #period()}: the refill of a token bucket, the rate of GCRA, else the limit. */
    public long refillTokens() {
        return refillTokens;
    }

    /** The refill period or window length. */
    public Duration period() {
        return period;
    }

    /** The name given with {@link #named(String)}, or null. */
    public @Nullable String name() {
        return name;
    }

    /** The time resolution of this limit in microseconds: 1 unless count × period is very large. */
    public long resolutionMicros() {
        return resolutionMicros;
    }

    /** The period in ticks of {@link #resolutionMicros()}. */
    public long periodTicks() {
        return periodTicks;
    }

    private static void checkCount(String what, long value) {
        checkCount(what, value, MAX_COUNT);
    }

    private static void checkCount(String what, long value, long max) {
        if (value < 1 || value > max) {
            throw new IllegalArgumentException(what + " must be between 1 and " + max + " but was " + value);
        }
    }

    private static void checkPeriod(String what, Duration value) {
        Objects.requireNonNull(value, what);
        if (value.toNanos() < 1_000 || value.compareTo(MAX_PERIOD) > 0) {
            throw new IllegalArgumentException(
                    what + " must be between 1 microsecond and " + MAX_PERIOD.toDays() + " days but was " + value);
        }
    }

    /** The smallest power of two {@code r} with {@code count × periodMicros / r <= MAX_PRODUCT}. */
    private static long resolutionFor(long count, long periodMicros) {
        long high = Math.multiplyHigh(count, periodMicros);
        long low = count * periodMicros;
        long quotient = (high << 12) | (low >>> 52); // floor(count × periodMicros / 2^52), exact in 128 bits
        return quotient == 0 ? 1 : Long.highestOneBit(quotient) << 1;
    }

    private static long ceilDiv(long x, long y) {
        return -Math.floorDiv(-x, y);
    }

    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof Limit that
                && algorithm == that.algorithm
                && capacity == that.capacity
                && refillTokens == that.refillTokens
                && period.equals(that.period)
                && Objects.equals(name, that.name);
    }

    @Override
    public int hashCode() {
        return Objects.hash(algorithm, capacity, refillTokens, period, name);
    }

    @Override
    public String toString() {
        String numbers = switch (algorithm) {
            case TOKEN_BUCKET -> "capacity=" + capacity + ", refill=" + refillTokens + "/" + period;
            case GCRA -> "rate=" + refillTokens + "/" + period + ", burst=" + capacity;
            default -> "limit=" + capacity + ", window=" + period;
        };
        return "Limit[" + (name == null ? "" : name + ": ") + algorithm + ", " + numbers + "]";
    }
}
