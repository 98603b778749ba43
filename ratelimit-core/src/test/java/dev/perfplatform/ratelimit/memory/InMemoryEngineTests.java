package dev.perfplatform.ratelimit.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.perfplatform.ratelimit.Limit;
import dev.perfplatform.ratelimit.ManualTimeSource;
import dev.perfplatform.ratelimit.RateLimitPolicy;
import dev.perfplatform.ratelimit.RateLimiter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class InMemoryEngineTests {

    private final ManualTimeSource time = new ManualTimeSource();
    private final RateLimitPolicy bucket = RateLimitPolicy.of("bucket", Limit.tokenBucket(2, 1, Duration.ofSeconds(1)));

    @Test
    void sweepsKeysThatAreBackToTheirFreshState() {
        InMemoryEngine engine = InMemoryEngine.builder().timeSource(time).build();
        RateLimiter limiter = engine.limiter(bucket);
        for (int i = 0; i < 50; i++) {
            limiter.acquire("k" + i);
        }
        engine.sweep();
        assertThat(engine.keyCount()).as("still refilling: nothing to drop").isEqualTo(50);

        time.advance(Duration.ofSeconds(1));
        engine.sweep();

        assertThat(engine.keyCount()).isZero();
        assertThat(engine.evictedKeys()).isEqualTo(50);
        assertThat(engine.evictedActiveKeys()).isZero();
    }

    @Test
    void sweepsOnItsOwnOnceTheIntervalHasPassed() {
        InMemoryEngine engine = InMemoryEngine.builder()
                .timeSource(time)
                .sweepInterval(Duration.ofSeconds(5))
                .build();
        RateLimiter limiter = engine.limiter(bucket);
        limiter.acquire("old");
        time.advance(Duration.ofSeconds(6));

        limiter.acquire("new"); // a new key after the interval runs the sweep

        assertThat(engine.keyCount()).isEqualTo(1);
        assertThat(limiter.peek("new").remaining()).isEqualTo(1);
    }

    @Test
    void theSweepWalksAFewKeysPerNewKeyNotEveryKeyAtOnce() {
        InMemoryEngine engine = InMemoryEngine.builder()
                .timeSource(time)
                .sweepInterval(Duration.ofSeconds(5))
                .build();
        RateLimiter limiter = engine.limiter(bucket);
        int old = 1_000;
        for (int i = 0; i < old; i++) {
            limiter.acquire("old-" + i);
        }
        time.advance(Duration.ofSeconds(6)); // every old key is back to a full bucket

        limiter.acquire("new-0");

        // One step: at most SWEEP_STEP keys looked at, of which at most one is the new key, which is not fresh.
        assertThat(engine.evictedKeys())
                .isBetween((long) InMemoryEngine.SWEEP_STEP - 1, (long) InMemoryEngine.SWEEP_STEP);
        int newKeys = 1;
        while (newKeys < 2 * old / InMemoryEngine.SWEEP_STEP) {
            limiter.acquire("new-" + newKeys++);
        }
        // The pass looked at as many keys as there were when it started (1,001); those that were new keys stay.
        assertThat(engine.evictedKeys()).isBetween((long) old - newKeys, (long) old);
        assertThat(engine.keyCount()).isEqualTo(old + newKeys - engine.evictedKeys());
        assertThat(limiter.peek("new-0").remaining()).isEqualTo(1);
    }

    @Test
    void atTheCapDropsFreshKeysFirstThenTheLeastRecentlyUsed() {
        InMemoryEngine engine =
                InMemoryEngine.builder().timeSource(time).maxKeys(10).build();
        RateLimiter limiter = engine.limiter(bucket);
        for (int i = 0; i < 10; i++) {
            limiter.acquire("k" + i);
            time.advanceMicros(KeyEntry.TOUCH_GRANULARITY_MICROS); // uses are told apart to this granularity
        }
        limiter.acquire("k0"); // k0 becomes the most recently used

        limiter.acquire("k10"); // over the cap: nothing is fresh, so the least recently used go

        assertThat(engine.keyCount()).isEqualTo(9);
        assertThat(engine.evictedActiveKeys()).isEqualTo(2);
        assertThat(limiter.peek("k0").remaining())
                .as("recently used keys keep their state")
                .isZero();
        assertThat(limiter.peek("k1").remaining())
                .as("an evicted key starts full again")
                .isEqualTo(2);
    }

    /**
     * The cliff this cap had: the new key that passed it copied and sorted the last-use times of every key. Now each
     * new key at the cap looks at a fixed number of keys, whatever the number of keys held.
     */
    @ParameterizedTest(name = "cap {0}")
    @ValueSource(ints = {1_000, 100_000})
    void atTheCapEachNewKeyLooksAtAFewKeysWhateverTheirNumber(int cap) {
        InMemoryEngine engine =
                InMemoryEngine.builder().timeSource(time).maxKeys(cap).build();
        RateLimiter limiter = engine.limiter(bucket);
        for (int i = 0; i < cap; i++) {
            limiter.acquire("held-" + i);
        }
        assertThat(engine.keysSampledForEviction()).isZero();

        int newKeys = 1_000;
        long mostKeys = 0;
        for (int i = 0; i < newKeys; i++) {
            time.advanceMicros(500); // 0.5 s in all: no held key refills to fresh meanwhile
            limiter.acquire("new-" + i);
            mostKeys = Math.max(mostKeys, engine.keyCount());
        }

        long perNewKey = engine.keysSampledForEviction() / newKeys;
        assertThat(perNewKey)
                .as("keys looked at per new key: at most one sample of %d", InMemoryEngine.EVICTION_SAMPLE)
                .isLessThanOrEqualTo(InMemoryEngine.EVICTION_SAMPLE);
        assertThat(mostKeys).as("the cap holds").isLessThanOrEqualTo(cap);
        assertThat(engine.evictedKeys()).isEqualTo(cap + newKeys - engine.keyCount());
        assertThat(engine.evictedActiveKeys())
                .as("nothing was fresh: every eviction was of a key with consumption")
                .isEqualTo(engine.evictedKeys());
        assertThat(limiter.peek("new-" + (newKeys - 1)).remaining())
                .as("the newest key is among the most recently used: kept")
                .isEqualTo(1);
    }

    @Test
    void atTheCapAFreshKeyInTheSampleGoesBeforeAnyKeyWithConsumption() {
        InMemoryEngine engine =
                InMemoryEngine.builder().timeSource(time).maxKeys(10).build();
        RateLimiter limiter = engine.limiter(bucket);
        for (int i = 0; i < 10; i++) {
            limiter.acquire("old-" + i);
        }
        time.advance(Duration.ofSeconds(2)); // every old key has refilled: fresh
        limiter.acquire("new-0");

        assertThat(engine.keyCount()).isEqualTo(9);
        assertThat(engine.evictedActiveKeys()).isZero();
        assertThat(limiter.peek("new-0").remaining()).isEqualTo(1);
    }

    @Test
    void evictingFreshKeysNeverChangesADecision() {
        InMemoryEngine capped = InMemoryEngine.builder()
                .timeSource(time)
                .maxKeys(5)
                .sweepInterval(Duration.ofMillis(1))
                .build();
        InMemoryEngine unbounded = InMemoryEngine.builder().timeSource(time).build();
        RateLimiter small = capped.limiter(bucket);
        RateLimiter large = unbounded.limiter(bucket);
        java.util.SplittableRandom random = new java.util.SplittableRandom(7);
        for (int step = 0; step < 20_000; step++) {
            time.advanceMicros(random.nextLong(0, 400_000));
            String key = "k" + random.nextInt(4);
            assertThat(small.acquire(key).isAllowed())
                    .as("step %d", step)
                    .isEqualTo(large.acquire(key).isAllowed());
        }
        assertThat(capped.evictedKeys()).isPositive();
        assertThat(capped.evictedActiveKeys()).isZero();
    }

    static Stream<Limit> contendedLimits() {
        return Stream.of(
                Limit.tokenBucket(1000, 1, Duration.ofDays(1)),
                Limit.gcra(1, Duration.ofDays(1), 1000),
                Limit.slidingWindowCounter(1000, Duration.ofDays(1)),
                Limit.slidingWindowLog(1000, Duration.ofDays(1)));
    }

    @ParameterizedTest
    @MethodSource("contendedLimits")
    void manyThreadsOnOneKeyAdmitExactlyTheLimit(Limit limit) throws Exception {
        assertThat(admittedByEightThreads(RateLimitPolicy.of("contended", limit)))
                .isEqualTo(1000);
    }

    /** The first limit's state lives in the entry's fields and the others' in an array: each must hold under races. */
    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2})
    void manyThreadsOnOneKeyRespectTheTightestOfSeveralLimits(int tightest) throws Exception {
        List<Limit> limits = new ArrayList<>(List.of(
                Limit.tokenBucket(1000, 1, Duration.ofDays(1)),
                Limit.gcra(1, Duration.ofDays(1), 900),
                Limit.slidingWindowCounter(800, Duration.ofDays(1))));
        limits.set(tightest, Limit.fixedWindow(700, Duration.ofDays(1)));
        RateLimitPolicy.Builder policy = RateLimitPolicy.builder("contended");
        limits.forEach(policy::limit);

        assertThat(admittedByEightThreads(policy.build())).isEqualTo(700);
    }

    private static int admittedByEightThreads(RateLimitPolicy policy) throws Exception {
        RateLimiter limiter = InMemoryEngine.create().limiter(policy);
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> results = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            results.add(pool.submit(() -> {
                start.await();
                int admitted = 0;
                for (int i = 0; i < 5_000; i++) {
                    admitted += limiter.acquire("hot").isAllowed() ? 1 : 0;
                }
                return admitted;
            }));
        }
        start.countDown();
        int admitted = 0;
        for (Future<Integer> result : results) {
            admitted += result.get(60, TimeUnit.SECONDS);
        }
        pool.shutdownNow();
        return admitted;
    }

    @Test
    void rejectsBadSettingsNamingThem() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> InMemoryEngine.builder().maxKeys(0))
                .withMessage("maxKeys must be positive but was 0");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> InMemoryEngine.builder().sweepInterval(Duration.ZERO))
                .withMessage("sweepInterval must be positive but was PT0S");
    }

    @Test
    void rejectsBadRequestsNamingTheValue() {
        RateLimiter limiter = InMemoryEngine.create().limiter(bucket);

        assertThatIllegalArgumentException()
                .isThrownBy(() -> limiter.acquire("", 1))
                .withMessage("key must not be empty");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> limiter.acquire("k", 0))
                .withMessage("permits must be positive but was 0");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> limiter.acquire("k", 3))
                .withMessageContaining("permits must be at most 2");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> limiter.acquire("k", 1, Duration.ofSeconds(-1)))
                .withMessage("maxWait must not be negative but was PT-1S");
    }
}
