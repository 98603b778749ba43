package dev.perfplatform.bench.memory;

import com.google.common.util.concurrent.RateLimiter;
import dev.perfplatform.bench.Profiles;
import dev.perfplatform.bench.UnsynchronizedBucket;
import dev.perfplatform.ratelimit.Algorithm;
import dev.perfplatform.ratelimit.Decision;
import dev.perfplatform.ratelimit.RateLimitPolicy;
import dev.perfplatform.ratelimit.memory.InMemoryEngine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.resilience4j.ratelimiter.internal.AtomicRateLimiter;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Like for like: one of our limiters on one key against one bucket4j bucket ({@code tryConsumeAndReturnRemaining}),
 * resilience4j's {@code AtomicRateLimiter} ({@code timeoutDuration=0}) and Guava's {@code RateLimiter.tryAcquire()},
 * every algorithm of ours, the no-synchronisation baseline and the clock read alone. Run with {@code -t 1} and
 * {@code -t 2}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@Fork(
        value = 3,
        jvmArgs = {Profiles.MIN_HEAP, Profiles.MAX_HEAP, Profiles.PRE_TOUCH})
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class SingleLimiterBenchmark {

    private static final String KEY = "client-1";

    /** {@code admitted}: a rate no thread exhausts; {@code denied}: 10 an hour. */
    @Param({"admitted", "denied"})
    public String load = "admitted";

    private InMemoryEngine engine;
    private Limiters ours;
    private Bucket bucket4j;
    private AtomicRateLimiter resilience4j;
    private RateLimiter guava;
    private UnsynchronizedBucket baseline;

    @Setup
    public void setUp() {
        boolean admitted = Profiles.admitted(load);
        engine = InMemoryEngine.create();
        ours = new Limiters(engine, admitted);
        bucket4j = Bucket.builder()
                .addLimit(Profiles.bucket4j(admitted).getBandwidths()[0])
                .build();
        resilience4j = new AtomicRateLimiter("bench", Profiles.resilience4j(admitted));
        guava = RateLimiter.create(Profiles.guavaPermitsPerSecond(admitted));
        baseline = Profiles.baseline(admitted);
    }

    @TearDown
    public void tearDown() {
        engine.close();
    }

    @Benchmark
    public Decision single_tokenBucket() {
        return ours.tokenBucket.acquire(KEY);
    }

    @Benchmark
    public Decision single_gcra() {
        return ours.gcra.acquire(KEY);
    }

    @Benchmark
    public Decision single_slidingWindowCounter() {
        return ours.slidingWindowCounter.acquire(KEY);
    }

    @Benchmark
    public Decision single_slidingWindowLog() {
        return ours.slidingWindowLog.acquire(KEY);
    }

    @Benchmark
    public ConsumptionProbe single_bucket4j() {
        return bucket4j.tryConsumeAndReturnRemaining(1);
    }

    @Benchmark
    public boolean single_resilience4j() {
        return resilience4j.acquirePermission();
    }

    @Benchmark
    public boolean single_guava() {
        return guava.tryAcquire();
    }

    @Benchmark
    public long single_baseline() {
        return baseline.tryAcquire();
    }

    /** The clock read every contender pays once per decision, alone: the floor under every row of this table. */
    @Benchmark
    public long single_clock() {
        return System.nanoTime();
    }

    /** One limiter per algorithm of ours, on one engine. */
    static final class Limiters {
        final dev.perfplatform.ratelimit.RateLimiter tokenBucket;
        final dev.perfplatform.ratelimit.RateLimiter gcra;
        final dev.perfplatform.ratelimit.RateLimiter slidingWindowCounter;
        final dev.perfplatform.ratelimit.RateLimiter slidingWindowLog;

        Limiters(InMemoryEngine engine, boolean admitted) {
            tokenBucket = limiter(engine, Algorithm.TOKEN_BUCKET, admitted);
            gcra = limiter(engine, Algorithm.GCRA, admitted);
            slidingWindowCounter = limiter(engine, Algorithm.SLIDING_WINDOW_COUNTER, admitted);
            slidingWindowLog = limiter(engine, Algorithm.SLIDING_WINDOW_LOG, admitted);
        }

        private static dev.perfplatform.ratelimit.RateLimiter limiter(
                InMemoryEngine engine, Algorithm algorithm, boolean admitted) {
            String name = algorithm.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
            return engine.limiter(RateLimitPolicy.of(name, Profiles.limit(algorithm, admitted)));
        }
    }
}
