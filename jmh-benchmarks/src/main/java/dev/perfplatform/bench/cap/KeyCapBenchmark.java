package dev.perfplatform.bench.cap;

import dev.perfplatform.bench.Profiles;
import dev.perfplatform.ratelimit.Algorithm;
import dev.perfplatform.ratelimit.Decision;
import dev.perfplatform.ratelimit.RateLimitPolicy;
import dev.perfplatform.ratelimit.RateLimiter;
import dev.perfplatform.ratelimit.memory.InMemoryEngine;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
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
 * A new key on every decision of an in-memory engine held at its key cap, so every decision evicts: its cost per
 * decision at caps of 10,000 and 100,000 keys. Sampled, because the figures that matter are the tail: eviction that
 * copied and sorted every key's last use made one decision in each 10% of the cap take milliseconds, growing with
 * the cap, while the mean barely moved. With sampled eviction, p99.9 and the maximum should not grow with the cap.
 * Every key is denied-profile (10 an hour), so no key turns fresh and each eviction is of a key with consumption.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@Fork(
        value = 1,
        jvmArgs = {Profiles.MIN_HEAP, Profiles.MAX_HEAP, Profiles.PRE_TOUCH})
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class KeyCapBenchmark {

    /** The engine's key cap, filled before measuring. */
    @Param({"10000", "100000"})
    public int maxKeys = 10_000;

    private final AtomicLong nextKey = new AtomicLong();
    private InMemoryEngine engine;
    private RateLimiter limiter;

    @Setup
    public void setUp() {
        engine = InMemoryEngine.builder().maxKeys(maxKeys).build();
        limiter = engine.limiter(RateLimitPolicy.of("cap", Profiles.limit(Algorithm.TOKEN_BUCKET, false)));
        for (int i = 0; i < maxKeys; i++) {
            limiter.acquire(Long.toString(nextKey.getAndIncrement()));
        }
    }

    @TearDown
    public void tearDown() {
        engine.close();
    }

    @Benchmark
    public Decision cap_newKey() {
        return limiter.acquire(Long.toString(nextKey.getAndIncrement()));
    }
}
