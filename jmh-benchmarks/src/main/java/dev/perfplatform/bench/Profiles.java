package dev.perfplatform.bench;

import dev.perfplatform.ratelimit.Algorithm;
import dev.perfplatform.ratelimit.Limit;
import io.github.bucket4j.BucketConfiguration;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import java.time.Duration;

/**
 * The limits every benchmark uses, one place for ours and the peers' equivalents: {@code admitted} is a rate no
 * benchmark thread can exhaust, {@code denied} admits 10 requests an hour, so all but the first few are denied.
 */
public final class Profiles {

    /**
     * The heap of every benchmark fork, fixed and touched by the JVM at start ({@code @Fork(jvmArgs = ...)} with
     * {@link #MIN_HEAP}, {@link #MAX_HEAP}, {@link #PRE_TOUCH}). On the virtual machines this suite runs on, memory
     * touched for the first time cost about 2.7 ns per allocated byte: each fork of an allocating contender (ours,
     * bucket4j, resilience4j) landed at either about 50 or 170–330 ns/op, while the allocation-free ones (Guava, the
     * baseline) did not move. A fixed, pre-touched heap is also how latency-sensitive services are usually run.
     */
    public static final String MIN_HEAP = "-Xms256m";
    /** See {@link #MIN_HEAP}. */
    public static final String MAX_HEAP = "-Xmx256m";
    /** See {@link #MIN_HEAP}. */
    public static final String PRE_TOUCH = "-XX:+AlwaysPreTouch";

    /** A rate no benchmark can exhaust: 10<sup>9</sup> per second. */
    public static final long HUGE = 1_000_000_000L;
    /** Requests per hour the denying profile admits. */
    public static final long FEW = 10;

    private static final Duration SECOND = Duration.ofSeconds(1);
    private static final Duration HOUR = Duration.ofHours(1);

    private Profiles() {}

    /** Whether {@code load} is the admitting profile ({@code admitted}) rather than the denying one. */
    public static boolean admitted(String load) {
        return switch (load) {
            case "admitted" -> true;
            case "denied" -> false;
            default -> throw new IllegalArgumentException("load must be admitted or denied but was " + load);
        };
    }

    /**
     * Our limit of {@code algorithm} under the profile. The sliding window log keeps an entry per admitted request,
     * and accepts limits up to {@link Limit#MAX_LOG_LIMIT} (10<sup>5</sup>), so its admitting profile is 10<sup>5</sup>
     * per millisecond (still 10<sup>8</sup> per second).
     */
    public static Limit limit(Algorithm algorithm, boolean admitted) {
        long count = admitted ? HUGE : FEW;
        Duration period = admitted ? SECOND : HOUR;
        return switch (algorithm) {
            case TOKEN_BUCKET -> Limit.tokenBucket(count, count, period);
            case GCRA -> Limit.gcra(count, period, count);
            case FIXED_WINDOW -> Limit.fixedWindow(count, period);
            case SLIDING_WINDOW_COUNTER -> Limit.slidingWindowCounter(count, period);
            case SLIDING_WINDOW_LOG ->
                admitted
                        ? Limit.slidingWindowLog(Limit.MAX_LOG_LIMIT, Duration.ofMillis(1))
                        : Limit.slidingWindowLog(count, period);
        };
    }

    /** bucket4j's equivalent of our token bucket under the profile: greedy refill, same capacity and rate. */
    public static BucketConfiguration bucket4j(boolean admitted) {
        long count = admitted ? HUGE : FEW;
        Duration period = admitted ? SECOND : HOUR;
        return BucketConfiguration.builder()
                .addLimit(limit -> limit.capacity(count).refillGreedy(count, period))
                .build();
    }

    /** resilience4j's equivalent: {@code limitForPeriod} per period, never waiting ({@code timeoutDuration=0}). */
    public static RateLimiterConfig resilience4j(boolean admitted) {
        return RateLimiterConfig.custom()
                .limitForPeriod((int) (admitted ? HUGE : FEW))
                .limitRefreshPeriod(admitted ? SECOND : HOUR)
                .timeoutDuration(Duration.ZERO)
                .build();
    }

    /** The no-synchronisation baseline under the profile: same capacity and rate as our token bucket. */
    public static UnsynchronizedBucket baseline(boolean admitted) {
        long count = admitted ? HUGE : FEW;
        Duration period = admitted ? SECOND : HOUR;
        return new UnsynchronizedBucket(count, period.toNanos() / count);
    }

    /** Guava's equivalent rate in permits per second. */
    public static double guavaPermitsPerSecond(boolean admitted) {
        return admitted ? HUGE : FEW / 3600.0;
    }
}
