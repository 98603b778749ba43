package dev.perfplatform.ratelimit.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.perfplatform.ratelimit.Decision;
import dev.perfplatform.ratelimit.Limit;
import dev.perfplatform.ratelimit.RateLimitPolicy;
import dev.perfplatform.ratelimit.RateLimiter;
import dev.perfplatform.ratelimit.TimeSource;
import dev.perfplatform.testing.redis.RedisNode;
import dev.perfplatform.testing.redis.RedisServerProcess;
import io.lettuce.core.RedisURI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Concurrent requests on one key share script calls, and are still decided one by one. */
class RedisEngineCoalescingIntegrationTests {

    private static RedisServerProcess redis;

    @BeforeAll
    static void start() {
        redis = RedisServerProcess.standalone();
    }

    @AfterAll
    static void stop() {
        redis.close();
    }

    private static List<Decision> burst(boolean coalesce, RateLimitPolicy policy, String key, int requests) {
        try (RedisEngine engine = RedisEngine.builder(RedisURI.create(redis.uri()))
                .commandTimeout(Duration.ofSeconds(5))
                .negativeCacheSize(0)
                .coalesceConcurrentRequests(coalesce)
                .build()) {
            RateLimiter limiter = engine.limiter(policy);
            limiter.acquire("warm-up"); // loads the script
            List<CompletableFuture<Decision>> pending = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                pending.add(limiter.acquireAsync(key, 1).toCompletableFuture());
            }
            return pending.stream().map(CompletableFuture::join).toList();
        }
    }

    @Test
    void aBurstOnOneKeyTakesFewScriptCallsAndDecidesEachRequest() {
        RateLimitPolicy policy = RateLimitPolicy.of("burst", Limit.fixedWindow(1_000, Duration.ofHours(1)));
        long before = CommandStats.evalshaCalls(redis.node(0));

        List<Decision> decisions = burst(true, policy, "hot", 300);

        long calls = CommandStats.evalshaCalls(redis.node(0)) - before - 1;
        assertThat(decisions).allMatch(Decision::isAllowed);
        assertThat(decisions.stream().map(Decision::remaining).distinct())
                .as("each request was evaluated after the previous one")
                .hasSize(300);
        assertThat(calls).as("script calls for 300 concurrent requests").isLessThan(100);
    }

    @Test
    void withoutCoalescingEveryRequestIsACall() {
        RateLimitPolicy policy = RateLimitPolicy.of("single", Limit.fixedWindow(1_000, Duration.ofHours(1)));
        long before = CommandStats.evalshaCalls(redis.node(0));

        burst(false, policy, "hot", 300);

        assertThat(CommandStats.evalshaCalls(redis.node(0)) - before - 1).isEqualTo(300);
    }

    @Test
    void aBatchDeniesExactlyBeyondTheLimitWithRetryAftersFromTheLog() {
        RateLimitPolicy policy = RateLimitPolicy.of("log", Limit.slidingWindowLog(50, Duration.ofMinutes(10)));

        List<Decision> decisions = burst(true, policy, "hot", 200);

        assertThat(decisions.stream().filter(Decision::isAllowed)).hasSize(50);
        assertThat(decisions.stream().filter(d -> !d.isAllowed()))
                .allSatisfy(denied -> assertThat(denied.retryAfter())
                        .isGreaterThan(Duration.ofMinutes(9))
                        .isLessThanOrEqualTo(Duration.ofMinutes(10)));
    }

    @Test
    void aFailureAfterACallFailsTheRequestsQueuedBehindItInsteadOfLeavingThemQueued() throws Exception {
        BreakableClock clock = new BreakableClock();
        RedisNode node = redis.node(0);
        try (RedisEngine engine = RedisEngine.builder(RedisURI.create(redis.uri()))
                .commandTimeout(Duration.ofSeconds(20)) // far beyond the wait below: no deadline answers for us
                // The five failures below would open the default breaker (5): this test is about the key's queue.
                .circuitBreaker(10, Duration.ofSeconds(1))
                .negativeCacheSize(0)
                .timeSource(clock)
                .build()) {
            RateLimiter limiter =
                    engine.limiter(RateLimitPolicy.of("broken", Limit.fixedWindow(100, Duration.ofHours(1))));
            limiter.acquire("warm-up");
            List<CompletableFuture<Decision>> queued = new ArrayList<>();
            CompletableFuture<Decision> first;
            node.pause();
            try {
                first = limiter.acquireAsync("hot", 1).toCompletableFuture(); // in flight, unanswered
                for (int i = 0; i < 5; i++) {
                    queued.add(limiter.acquireAsync("hot", 1).toCompletableFuture());
                }
                clock.broken = true; // sending the queued requests now throws inside the first call's callback
            } finally {
                node.resume();
            }

            assertThat(first.get(5, TimeUnit.SECONDS).isDegraded()).isFalse();
            for (CompletableFuture<Decision> each : queued) {
                assertThat(each.get(5, TimeUnit.SECONDS).isDegraded())
                        .as("the failure reached the queued request, and its failure policy decided")
                        .isTrue();
            }
            clock.broken = false;
            assertThat(limiter.acquireAsync("hot", 1)
                            .toCompletableFuture()
                            .get(5, TimeUnit.SECONDS)
                            .isDegraded())
                    .as("the key is free again")
                    .isFalse();
        }
    }

    /** The system clock, until a test breaks it. */
    private static final class BreakableClock implements TimeSource {
        volatile boolean broken;

        @Override
        public long currentMicros() {
            if (broken) {
                throw new IllegalStateException("clock broken by the test");
            }
            return TimeSource.system().currentMicros();
        }
    }
}
