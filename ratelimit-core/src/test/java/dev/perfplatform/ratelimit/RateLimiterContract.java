package dev.perfplatform.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The behaviour every engine must show, run against each of them (in-memory, Redis standalone, Redis Cluster):
 * generated request sequences checked against {@link ReferenceModel}, the invariants of each algorithm, multi-limit
 * atomicity, retry-after exactness and a one-key stampede. No decision may be degraded.
 */
abstract class RateLimiterContract {

    static final int STEPS = 10_000;

    final ManualTimeSource time = new ManualTimeSource();
    private final List<RateLimiterEngine> engines = new ArrayList<>();
    private static final AtomicLong KEYS = new AtomicLong();
    private static final String RUN = Long.toHexString(System.nanoTime());

    /** An engine on {@code clock}; the contract closes it. */
    abstract RateLimiterEngine newEngine(TimeSource clock);

    /** How many steps the generated-sequence tests take (Redis Cluster may take fewer). */
    int steps() {
        return STEPS;
    }

    /**
     * Whether a denial may carry the remaining count of an earlier identical denial (the Redis engine answers
     * repeated denials from its local cache until their retry-after; the verdict and the wait stay exact).
     */
    boolean reportsCachedDenials() {
        return false;
    }

    RateLimiter limiter(RateLimitPolicy policy) {
        RateLimiterEngine engine = newEngine(time);
        engines.add(engine);
        return engine.limiter(policy);
    }

    String freshKey() {
        return "user-" + RUN + "-" + KEYS.incrementAndGet();
    }

    @AfterEach
    void closeEngines() {
        engines.forEach(RateLimiterEngine::close);
    }

    static Stream<Arguments> limits() {
        return Stream.of(
                        Limit.tokenBucket(5, 2, Duration.ofSeconds(1)),
                        Limit.tokenBucket(100, 7, Duration.ofSeconds(3)),
                        Limit.tokenBucket(1, 1, Duration.ofMillis(250)),
                        Limit.gcra(10, Duration.ofSeconds(1), 3),
                        Limit.gcra(3, Duration.ofMillis(100), 12),
                        Limit.fixedWindow(10, Duration.ofSeconds(1)),
                        Limit.slidingWindowCounter(10, Duration.ofSeconds(1)),
                        Limit.slidingWindowCounter(7, Duration.ofMillis(333)),
                        Limit.slidingWindowLog(10, Duration.ofSeconds(1)),
                        Limit.slidingWindowLog(3, Duration.ofMillis(100)))
                .flatMap(limit -> Stream.of(11L, 22L).map(seed -> Arguments.of(limit, seed)));
    }

    @ParameterizedTest(name = "{0} seed {1}")
    @MethodSource("limits")
    void decidesAsTheReferenceModel(Limit limit, long seed) {
        RateLimiter limiter = limiter(RateLimitPolicy.of("model", limit));
        String key = freshKey();
        ReferenceModel model = ReferenceModel.of(limit);
        RequestSequence sequence = RequestSequence.generate(
                seed, steps(), limit.period().toNanos() / 1_000, limit.capacity(), limit.capacity());
        for (int step = 0; step < sequence.requests().size(); step++) {
            RequestSequence.Request request = sequence.requests().get(step);
            time.advanceMicros(request.gapMicros());
            long now = time.currentMicros();
            boolean expected = model.admits(now, request.permits());
            long expectedRemaining = model.remaining(now) - (expected ? request.permits() : 0);
            Decision decision = limiter.acquire(key, request.permits());
            boolean remainingMatches = decision.remaining() == expectedRemaining
                    || (!expected && reportsCachedDenials() && decision.remaining() <= expectedRemaining);
            if (decision.isAllowed() != expected || !remainingMatches || decision.isDegraded()) {
                fail(sequence.describeFailure(
                        step,
                        "expected " + (expected ? "admit" : "deny") + " with " + expectedRemaining
                                + " remaining but got " + decision));
            }
            if (expected) {
                model.consume(now, request.permits());
            } else {
                checkRetryAfter(model, now, request.permits(), decision, sequence, step, reportsCachedDenials());
            }
        }
    }

    /**
     * A denial's retry-after is exact: one tick earlier is still denied, at retry-after it is admitted. A cached
     * denial answering a larger request may only be early, never late.
     */
    private static void checkRetryAfter(
            ReferenceModel model,
            long now,
            long permits,
            Decision decision,
            RequestSequence sequence,
            int step,
            boolean lowerBoundAllowed) {
        long retry = decision.retryAfterMicros();
        long resolution = model.limit.resolutionMicros();
        // The decision counts in ticks: the request is admitted from the start of the tick retry-after reaches.
        long admitAt = Math.floorDiv(now, resolution) * resolution + retry;
        boolean tooEarly = !model.admits(admitAt, permits) && !lowerBoundAllowed;
        if (tooEarly || model.admits(admitAt - resolution, permits)) {
            fail(sequence.describeFailure(step, "retry-after " + retry + "us is not the earliest admission"));
        }
    }

    @ParameterizedTest(name = "{0} seed {1}")
    @MethodSource("limits")
    void neverAdmitsMoreThanTheLimitAllows(Limit limit, long seed) {
        RateLimiter limiter = limiter(RateLimitPolicy.of("bound", limit));
        String key = freshKey();
        RequestSequence sequence = RequestSequence.generate(
                seed + 1000, steps(), limit.period().toNanos() / 1_000, limit.capacity(), limit.capacity());
        List<long[]> admitted = new ArrayList<>();
        for (int step = 0; step < sequence.requests().size(); step++) {
            RequestSequence.Request request = sequence.requests().get(step);
            time.advanceMicros(request.gapMicros());
            if (limiter.acquire(key, request.permits()).isAllowed()) {
                admitted.add(new long[] {time.currentMicros(), request.permits()});
                String violation = Invariants.violation(limit, admitted);
                if (violation != null) {
                    fail(sequence.describeFailure(step, violation));
                }
            }
        }
        assertThat(admitted).isNotEmpty();
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void consumesNothingWhenAnyLimitDenies(long seed) {
        Limit burst = Limit.tokenBucket(4, 4, Duration.ofSeconds(1));
        Limit window = Limit.slidingWindowLog(9, Duration.ofSeconds(3));
        RateLimiter limiter = limiter(
                RateLimitPolicy.builder("multi").limit(burst).limit(window).build());
        String key = freshKey();
        ReferenceModel first = ReferenceModel.of(burst);
        ReferenceModel second = ReferenceModel.of(window);
        RequestSequence sequence = RequestSequence.generate(seed, steps(), 1_000_000, 4, 4);
        for (int step = 0; step < sequence.requests().size(); step++) {
            RequestSequence.Request request = sequence.requests().get(step);
            time.advanceMicros(request.gapMicros());
            long now = time.currentMicros();
            boolean expected = first.admits(now, request.permits()) && second.admits(now, request.permits());
            Decision decision = limiter.acquire(key, request.permits());
            if (decision.isAllowed() != expected) {
                fail(sequence.describeFailure(step, "expected " + expected + " but got " + decision));
            }
            if (expected) {
                first.consume(now, request.permits());
                second.consume(now, request.permits());
            }
        }
    }

    static Stream<Long> seeds() {
        return Stream.of(3L, 5L, 8L);
    }

    static Stream<Limit> largestLimits() {
        Duration month = Duration.ofDays(30);
        return Stream.of(
                Limit.tokenBucket(Limit.MAX_COUNT, Limit.MAX_COUNT - 1, month),
                Limit.gcra(Limit.MAX_COUNT - 1, month, Limit.MAX_COUNT),
                Limit.slidingWindowCounter(Limit.MAX_COUNT, month),
                Limit.fixedWindow(Limit.MAX_COUNT, month));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("largestLimits")
    void decidesExactlyAtTheLargestCountAndPeriod(Limit limit) {
        decideExactlyAtTheLargest(limit, new long[] {Limit.MAX_COUNT - 1, 1, 1, 999_999_999, 3});
    }

    /** The log's largest limit is {@link Limit#MAX_LOG_LIMIT}: the same requests, scaled to it. */
    @Test
    void decidesExactlyAtTheLargestLogLimitAndPeriod() {
        Limit limit = Limit.slidingWindowLog(Limit.MAX_LOG_LIMIT, Duration.ofDays(30));
        decideExactlyAtTheLargest(limit, new long[] {Limit.MAX_LOG_LIMIT - 1, 1, 1, Limit.MAX_LOG_LIMIT - 1, 3});
    }

    /**
     * A log of many single-permit entries, then a request that needs hundreds of them to leave the window: the walk
     * to its retry-after crosses the Redis script's chunks of log entries and must land on the same entry.
     */
    @Test
    void aDenialNeedingManyLogEntriesWaitsForExactlyEnoughOfThem() {
        Limit limit = Limit.slidingWindowLog(400, Duration.ofHours(1));
        RateLimiter limiter = limiter(RateLimitPolicy.of("long-log", limit));
        String key = freshKey();
        ReferenceModel model = ReferenceModel.of(limit);
        for (int i = 0; i < 400; i++) {
            long now = time.currentMicros();
            assertThat(limiter.acquire(key, 1).isAllowed()).as("request %d", i).isTrue();
            model.consume(now, 1);
            time.advanceMicros(1_000 + i % 7);
        }
        for (long permits : new long[] {400, 300, 129, 128, 127, 2, 1}) { // fewer each time: no cached answer
            long now = time.currentMicros();
            Decision decision = limiter.acquire(key, permits);
            assertThat(decision.isAllowed()).as("%d permits", permits).isFalse();
            assertThat(decision.remaining()).isEqualTo(model.remaining(now));
            long admitAt = now + decision.retryAfterMicros(); // a log counts in microseconds
            assertThat(model.admits(admitAt, permits))
                    .as("%d permits at retry-after", permits)
                    .isTrue();
            assertThat(model.admits(admitAt - 1, permits))
                    .as("%d permits just before", permits)
                    .isFalse();
        }
    }

    private void decideExactlyAtTheLargest(Limit limit, long[] requests) {
        RateLimiter limiter = limiter(RateLimitPolicy.of("huge", limit));
        String key = freshKey();
        ReferenceModel model = ReferenceModel.of(limit);
        for (long permits : requests) {
            long now = time.currentMicros();
            boolean expected = model.admits(now, permits);
            Decision decision = limiter.acquire(key, permits);
            assertThat(decision.isAllowed()).as("%d permits", permits).isEqualTo(expected);
            assertThat(decision.remaining()).isEqualTo(model.remaining(now) - (expected ? permits : 0));
            if (expected) {
                model.consume(now, permits);
            }
            time.advance(Duration.ofDays(11));
        }
    }

    @Test
    void aStampedeOnOneKeyAdmitsExactlyTheLimit() throws Exception {
        RateLimiter limiter = limiter(RateLimitPolicy.of("stampede", Limit.fixedWindow(500, Duration.ofHours(1))));
        String key = freshKey();
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<long[]>> results = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            results.add(pool.submit(() -> {
                start.await();
                long allowed = 0;
                long degraded = 0;
                for (int i = 0; i < 250; i++) {
                    Decision decision = limiter.acquire(key);
                    allowed += decision.isAllowed() ? 1 : 0;
                    degraded += decision.isDegraded() ? 1 : 0;
                }
                return new long[] {allowed, degraded};
            }));
        }
        start.countDown();
        long allowed = 0;
        long degraded = 0;
        for (Future<long[]> result : results) {
            long[] counts = result.get(60, TimeUnit.SECONDS);
            allowed += counts[0];
            degraded += counts[1];
        }
        pool.shutdownNow();
        assertThat(allowed).isEqualTo(500);
        assertThat(degraded).isZero();
    }

    @Test
    void peekConsumesNothingAndResetRestoresTheQuota() {
        RateLimiter limiter = limiter(RateLimitPolicy.of("peek", Limit.tokenBucket(3, 1, Duration.ofMinutes(1))));
        String key = freshKey();

        assertThat(limiter.peek(key).remaining()).isEqualTo(3);
        assertThat(limiter.acquire(key, 3).isAllowed()).isTrue();
        assertThat(limiter.peek(key).remaining()).isZero();
        assertThat(limiter.acquire(key).isAllowed()).isFalse();

        limiter.reset(key);

        assertThat(limiter.peek(key).remaining()).isEqualTo(3);
        assertThat(limiter.acquire(key).remaining()).isEqualTo(2);
    }

    @Test
    void keysAreIndependentEvenWhenTheyLookLikeHashTags() {
        RateLimiter limiter = limiter(RateLimitPolicy.of("tags", Limit.fixedWindow(1, Duration.ofMinutes(1))));

        for (String key : new String[] {"a", "{a}", "a}", "{a", "}{", "a:b", "%7D", "ключ"}) {
            assertThat(limiter.acquire(key).isAllowed()).as(key).isTrue();
        }
        assertThat(limiter.acquire("{a}").isAllowed()).isFalse();
    }

    @Test
    void shadowModeAdmitsButRemembersTheDenial() {
        RateLimitPolicy policy = RateLimitPolicy.builder("shadow")
                .limit(Limit.fixedWindow(1, Duration.ofMinutes(1)))
                .shadow(true)
                .build();
        RateLimiter limiter = limiter(policy);
        String key = freshKey();

        assertThat(limiter.acquire(key).outcome()).isEqualTo(Decision.Outcome.ALLOWED);
        Decision second = limiter.acquire(key);

        assertThat(second.isAllowed()).isTrue();
        assertThat(second.outcome()).isEqualTo(Decision.Outcome.SHADOW_DENIED);
    }

    @Test
    void asynchronousAcquireDecidesTheSame() throws Exception {
        RateLimiter limiter = limiter(RateLimitPolicy.of("async", Limit.slidingWindowLog(2, Duration.ofSeconds(10))));
        String key = freshKey();

        assertThat(limiter.acquireAsync(key, 2)
                        .toCompletableFuture()
                        .get(10, TimeUnit.SECONDS)
                        .isAllowed())
                .isTrue();
        Decision denied = limiter.acquireAsync(key, 1).toCompletableFuture().get(10, TimeUnit.SECONDS);

        assertThat(denied.isAllowed()).isFalse();
        assertThat(denied.retryAfter()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void boundedWaitAdmitsWithinTheBoundAndGivesUpBeyondIt() throws InterruptedException {
        RateLimiter limiter = limiter(RateLimitPolicy.of("wait", Limit.gcra(1, Duration.ofSeconds(1), 1)));
        String key = freshKey();
        assertThat(limiter.acquire(key).isAllowed()).isTrue();
        long before = time.currentMicros();

        assertThat(limiter.acquire(key, 1, Duration.ofMillis(500)).isAllowed()).isFalse();
        assertThat(time.currentMicros()).isEqualTo(before);
        assertThat(limiter.acquire(key, 1, Duration.ofSeconds(2)).isAllowed()).isTrue();
        assertThat(time.currentMicros() - before).isEqualTo(1_000_000);
    }
}
