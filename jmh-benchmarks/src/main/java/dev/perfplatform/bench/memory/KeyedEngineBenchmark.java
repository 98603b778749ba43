package dev.perfplatform.bench.memory;

import dev.perfplatform.bench.KeySpace;
import dev.perfplatform.bench.Profiles;
import dev.perfplatform.bench.UnsynchronizedBucket;
import dev.perfplatform.ratelimit.Decision;
import dev.perfplatform.ratelimit.memory.InMemoryEngine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
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
 * Our keyed in-memory engine over 100k random keys or one hot key, every algorithm, against bucket4j buckets held in
 * a {@code ConcurrentHashMap} ({@code computeIfAbsent} + {@code tryConsumeAndReturnRemaining}) and the
 * no-synchronisation baseline (unsynchronised buckets in a pre-filled {@code HashMap}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@Fork(
        value = 3,
        jvmArgs = {Profiles.MIN_HEAP, Profiles.MAX_HEAP, Profiles.PRE_TOUCH})
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class KeyedEngineBenchmark {

    /** {@code hot}: every request on one key; {@code 100k}: uniformly random over 100,000 keys. */
    @Param({"hot", "100k"})
    public String keys = "hot";

    /** {@code admitted}: a rate no thread exhausts; {@code denied}: 10 an hour per key. */
    @Param({"admitted", "denied"})
    public String load = "admitted";

    private InMemoryEngine engine;
    private SingleLimiterBenchmark.Limiters ours;
    private final Map<String, Bucket> bucket4j = new ConcurrentHashMap<>();
    private Function<String, Bucket> newBucket;
    private final Map<String, UnsynchronizedBucket> baseline = new HashMap<>();
    private KeySpace space;

    @Setup
    public void setUp() {
        boolean admitted = Profiles.admitted(load);
        space = KeySpace.of(keys);
        engine = InMemoryEngine.builder().maxKeys(4 * KeySpace.MANY).build();
        ours = new SingleLimiterBenchmark.Limiters(engine, admitted);
        Bandwidth bandwidth = Profiles.bucket4j(admitted).getBandwidths()[0];
        newBucket = key -> Bucket.builder().addLimit(bandwidth).build();
        for (String key : space.keys()) {
            baseline.put(key, Profiles.baseline(admitted));
        }
    }

    @TearDown
    public void tearDown() {
        engine.close();
        bucket4j.clear();
    }

    @Benchmark
    public Decision keyed_tokenBucket(KeySpace.Cursor cursor) {
        return ours.tokenBucket.acquire(space.next(cursor));
    }

    @Benchmark
    public Decision keyed_gcra(KeySpace.Cursor cursor) {
        return ours.gcra.acquire(space.next(cursor));
    }

    @Benchmark
    public Decision keyed_slidingWindowCounter(KeySpace.Cursor cursor) {
        return ours.slidingWindowCounter.acquire(space.next(cursor));
    }

    @Benchmark
    public Decision keyed_slidingWindowLog(KeySpace.Cursor cursor) {
        return ours.slidingWindowLog.acquire(space.next(cursor));
    }

    @Benchmark
    public ConsumptionProbe keyed_bucket4j(KeySpace.Cursor cursor) {
        return bucket4j.computeIfAbsent(space.next(cursor), newBucket).tryConsumeAndReturnRemaining(1);
    }

    @Benchmark
    public long keyed_baseline(KeySpace.Cursor cursor) {
        UnsynchronizedBucket bucket = baseline.get(space.next(cursor));
        return bucket == null ? -2 : bucket.tryAcquire();
    }
}
