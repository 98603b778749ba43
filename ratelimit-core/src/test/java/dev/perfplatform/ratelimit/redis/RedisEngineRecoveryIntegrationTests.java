package dev.perfplatform.ratelimit.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.perfplatform.ratelimit.CircuitState;
import dev.perfplatform.ratelimit.Decision;
import dev.perfplatform.ratelimit.FailurePolicy;
import dev.perfplatform.ratelimit.Limit;
import dev.perfplatform.ratelimit.RateLimitPolicy;
import dev.perfplatform.ratelimit.RateLimiter;
import dev.perfplatform.testing.redis.RedisNode;
import dev.perfplatform.testing.redis.RedisServerProcess;
import io.lettuce.core.RedisURI;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/**
 * Redis coming back, on a redis-server this class starts and kills: after an outage long enough for Lettuce's default
 * reconnect back-off to grow past seconds, and when the engine was built while Redis was down. Decisions must come
 * from Redis again within 2 s of Redis answering (with the default circuit settings); that is a bound on recovery,
 * not a speed test.
 */
class RedisEngineRecoveryIntegrationTests {

    private static final Duration RECOVERY_BOUND = Duration.ofSeconds(2);
    private static final Duration OUTAGE = Duration.ofSeconds(10);

    private RedisServerProcess redis;
    private RedisNode node;

    @BeforeEach
    void start() {
        redis = RedisServerProcess.standalone();
        node = redis.node(0);
    }

    @AfterEach
    void stop() {
        redis.close();
    }

    private static RateLimitPolicy policy(String name, FailurePolicy failure) {
        return RateLimitPolicy.builder(name)
                .limit(Limit.fixedWindow(10, Duration.ofHours(1)))
                .failurePolicy(failure)
                .build();
    }

    /** Restarts the node and returns how long decisions took to come from Redis again. */
    private Duration restartAndTimeRecovery(RateLimiter limiter) {
        node.restart();
        long answering = System.nanoTime();
        await().atMost(RECOVERY_BOUND.plusSeconds(10))
                .pollInterval(Duration.ofMillis(10))
                .until(() -> !limiter.peek("k").isDegraded());
        return Duration.ofNanos(System.nanoTime() - answering);
    }

    @RepeatedTest(3)
    void decidesOnRedisAgainWithinTwoSecondsOfItsRestart() {
        try (RedisEngine engine =
                RedisEngine.builder(RedisURI.create(redis.uri())).build()) {
            RateLimiter limiter = engine.limiter(policy("recovery", FailurePolicy.failOpen()));
            // A cold JVM on a busy machine may miss the 100 ms default timeout on its very first call.
            await().atMost(Duration.ofSeconds(5)).until(() -> !limiter.peek("k").isDegraded());

            node.kill();
            long until = System.nanoTime() + OUTAGE.toNanos();
            while (System.nanoTime() < until) { // traffic throughout the outage, as in production
                assertThat(limiter.acquire("k").isDegraded()).isTrue();
                LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
            }
            assertThat(engine.circuitState()).isNotEqualTo(CircuitState.CLOSED);

            Duration recovery = restartAndTimeRecovery(limiter);

            System.out.printf("recovery after a %d s outage: %d ms%n", OUTAGE.toSeconds(), recovery.toMillis());
            assertThat(recovery).isLessThan(RECOVERY_BOUND);
            assertThat(engine.circuitState()).isEqualTo(CircuitState.CLOSED);
        }
    }

    @Test
    void startsWithoutRedisDecidesByEachFailurePolicyAndSwitchesToRedisWhenItAnswers() {
        node.kill();
        long building = System.nanoTime();
        try (RedisEngine engine =
                RedisEngine.builder(RedisURI.create(redis.uri())).build()) {
            assertThat(Duration.ofNanos(System.nanoTime() - building))
                    .as("build() connects in the background")
                    .isLessThan(Duration.ofSeconds(1));
            RateLimiter open = engine.limiter(policy("open", FailurePolicy.failOpen()));
            RateLimiter closed = engine.limiter(policy("closed", FailurePolicy.failClosed()));
            RateLimiter local = engine.limiter(policy("local", FailurePolicy.localFallback(0.5)));

            Decision admitted = open.acquire("k");
            assertThat(admitted.isAllowed()).isTrue();
            assertThat(admitted.isDegraded()).isTrue();
            Decision refused = closed.acquire("k");
            assertThat(refused.isAllowed()).isFalse();
            assertThat(refused.isDegraded()).isTrue();
            long locallyAdmitted = 0;
            for (int i = 0; i < 12; i++) {
                Decision decision = local.acquire("k");
                assertThat(decision.isDegraded()).isTrue();
                locallyAdmitted += decision.isAllowed() ? 1 : 0;
            }
            assertThat(locallyAdmitted).as("half of the limit of 10, in memory").isEqualTo(5);
            assertThat(engine.circuitState()).isEqualTo(CircuitState.OPEN);
            assertThat(engine.isConnected()).isFalse();
            assertThat(engine.fallbackKeyCount()).isEqualTo(1);

            Duration recovery = restartAndTimeRecovery(open);

            System.out.printf(
                    "start-up without Redis: decisions from Redis %d ms after it answered%n", recovery.toMillis());
            assertThat(recovery).isLessThan(RECOVERY_BOUND);
            assertThat(engine.isConnected()).isTrue();
            assertThat(engine.circuitState()).isEqualTo(CircuitState.CLOSED);
            assertThat(closed.acquire("k").isAllowed()).isTrue();
        }
    }
}
