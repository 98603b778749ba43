package dev.perfplatform.ratelimit.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.perfplatform.ratelimit.CircuitState;
import dev.perfplatform.ratelimit.Decision;
import dev.perfplatform.ratelimit.FailurePolicy;
import dev.perfplatform.ratelimit.Limit;
import dev.perfplatform.ratelimit.RateLimitPolicy;
import dev.perfplatform.ratelimit.RateLimiter;
import dev.perfplatform.ratelimit.StoreErrorCause;
import dev.perfplatform.ratelimit.StoreListener;
import dev.perfplatform.testing.redis.RedisNode;
import dev.perfplatform.testing.redis.RedisServerProcess;
import dev.perfplatform.testing.resp.RespClient;
import io.lettuce.core.RedisURI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Faults on redis-server processes this class starts itself: killed, paused, script cache flushed, master failed over.
 * "No call hangs" is a guard against Lettuce's 60-second default (timeout + 1 s), not a speed test.
 */
class RedisEngineFaultIntegrationTests {

    private static final Duration TIMEOUT = Duration.ofMillis(200);
    private static final long GUARD_NANOS = TIMEOUT.plusSeconds(1).toNanos();
    private static final Duration RECOVERY = Duration.ofSeconds(30);

    private final List<AutoCloseable> resources = new CopyOnWriteArrayList<>();
    private final List<StoreErrorCause> errors = new CopyOnWriteArrayList<>();
    private final List<CircuitState> transitions = new CopyOnWriteArrayList<>();

    @AfterEach
    void closeResources() throws Exception {
        for (AutoCloseable resource : resources) {
            resource.close();
        }
    }

    private RedisServerProcess standalone() {
        RedisServerProcess redis = RedisServerProcess.standalone();
        resources.add(redis);
        return redis;
    }

    private RedisEngine engine(String uri, int failures, Duration open) {
        RedisEngine engine = RedisEngine.builder(RedisURI.create(uri))
                .commandTimeout(TIMEOUT)
                .circuitBreaker(failures, open)
                .listener(new StoreListener() {
                    @Override
                    public void onStoreError(RateLimitPolicy policy, StoreErrorCause cause) {
                        errors.add(cause);
                    }

                    @Override
                    public void onCircuitStateChange(CircuitState from, CircuitState to) {
                        transitions.add(to);
                    }
                })
                .build();
        resources.add(0, engine);
        return engine;
    }

    private static RateLimitPolicy policy(FailurePolicy failure) {
        return RateLimitPolicy.builder("fault")
                .limit(Limit.fixedWindow(10, Duration.ofHours(1)))
                .failurePolicy(failure)
                .build();
    }

    private static Decision guarded(Supplier<Decision> call) {
        long start = System.nanoTime();
        Decision decision = call.get();
        assertThat(System.nanoTime() - start)
                .as("a decision must not wait longer than the command timeout + 1 s")
                .isLessThan(GUARD_NANOS);
        return decision;
    }

    private static Decision awaitNormalDecision(RateLimiter limiter, String key) {
        AtomicReference<Decision> last = new AtomicReference<>();
        await().atMost(RECOVERY).pollInterval(Duration.ofMillis(50)).until(() -> {
            Decision decision = guarded(() -> limiter.acquire(key));
            last.set(decision);
            return !decision.isDegraded();
        });
        return last.get();
    }

    @Test
    void failsOpenWhileRedisIsDownAndRecoversByItselfAfterRestart() throws InterruptedException {
        RedisServerProcess redis = standalone();
        RedisEngine engine = engine(redis.uri(), 3, Duration.ofMillis(300));
        RateLimiter limiter = engine.limiter(policy(FailurePolicy.failOpen()));
        assertThat(limiter.acquire("k", 4).isDegraded()).isFalse();

        redis.node(0).kill();
        for (int i = 0; i < 20; i++) {
            Decision decision = guarded(() -> limiter.acquire("k", 4));
            assertThat(decision.isAllowed()).isTrue();
            assertThat(decision.isDegraded()).isTrue();
        }
        assertThat(engine.circuitState()).isNotEqualTo(CircuitState.CLOSED);
        assertThat(errors).contains(StoreErrorCause.CIRCUIT_OPEN);

        redis.node(0).restart();
        Decision recovered = awaitNormalDecision(limiter, "k");

        assertThat(recovered.isDegraded())
                .as("decisions go back to Redis with no manual step")
                .isFalse();
        assertThat(engine.circuitState()).isEqualTo(CircuitState.CLOSED);
        assertThat(transitions).contains(CircuitState.OPEN, CircuitState.HALF_OPEN, CircuitState.CLOSED);
    }

    @Test
    void failsClosedWhenThePolicySaysSo() {
        RedisServerProcess redis = standalone();
        RateLimiter limiter = engine(redis.uri(), 3, Duration.ofSeconds(5)).limiter(policy(FailurePolicy.failClosed()));
        redis.node(0).kill();

        Decision decision = guarded(() -> limiter.acquire("k"));

        assertThat(decision.isAllowed()).isFalse();
        assertThat(decision.isDegraded()).isTrue();
        assertThat(decision.retryAfterSeconds()).isPositive();
    }

    @Test
    void fallsBackToLocalLimitsScaledByTheShare() {
        RedisServerProcess redis = standalone();
        RateLimiter limiter =
                engine(redis.uri(), 2, Duration.ofSeconds(5)).limiter(policy(FailurePolicy.localFallback(0.5)));
        redis.node(0).kill();

        long admitted = 0;
        for (int i = 0; i < 12; i++) {
            Decision decision = guarded(() -> limiter.acquire("k"));
            assertThat(decision.isDegraded()).isTrue();
            admitted += decision.isAllowed() ? 1 : 0;
        }

        assertThat(admitted).as("half of the limit of 10, decided in memory").isEqualTo(5);
    }

    @Test
    void makesNoRedisCallWhileTheCircuitIsOpen() throws InterruptedException {
        RedisServerProcess redis = standalone();
        RedisNode node = redis.node(0);
        RedisEngine engine = engine(redis.uri(), 3, Duration.ofSeconds(30));
        RateLimiter limiter = engine.limiter(policy(FailurePolicy.failOpen()));
        limiter.acquire("k");
        long before = CommandStats.evalshaCalls(node);

        node.pause(); // a hung server: every call times out
        for (int i = 0; i < 50; i++) {
            assertThat(guarded(() -> limiter.acquire("k")).isDegraded()).isTrue();
        }
        node.resume();

        assertThat(engine.circuitState()).isEqualTo(CircuitState.OPEN);
        // The three timed-out calls already on the wire run once Redis resumes; nothing else may arrive.
        await().during(Duration.ofMillis(300))
                .atMost(Duration.ofSeconds(3))
                .until(() -> CommandStats.evalshaCalls(node) - before <= 3);
        assertThat(errors.stream().filter(StoreErrorCause.TIMEOUT::equals)).hasSize(3);
    }

    @Test
    void aScriptFlushIsInvisibleToCallers() {
        RedisServerProcess redis = standalone();
        RateLimiter limiter = engine(redis.uri(), 3, Duration.ofSeconds(1))
                .limiter(RateLimitPolicy.of("flush", Limit.slidingWindowLog(1000, Duration.ofMinutes(1))));
        try (RespClient admin = redis.node(0).client()) {
            for (int i = 0; i < 200; i++) {
                if (i % 20 == 0) {
                    admin.command("SCRIPT", "FLUSH");
                }
                Decision decision = limiter.acquire("k");
                assertThat(decision.isDegraded()).isFalse();
                assertThat(decision.remaining()).isEqualTo(999 - i);
            }
        }
        assertThat(errors).isEmpty();
    }

    @Test
    void resumesOnThePromotedReplicaAfterASentinelFailover() throws InterruptedException {
        RedisServerProcess group = RedisServerProcess.sentinel();
        resources.add(group);
        RateLimiter limiter = engine(group.uri(), 3, Duration.ofMillis(500))
                .limiter(RateLimitPolicy.of("failover", Limit.tokenBucket(100, 100, Duration.ofMinutes(1))));
        assertThat(limiter.acquire("k").isDegraded()).isFalse();

        group.master().kill();
        Decision resumed = awaitNormalDecision(limiter, "k");

        assertThat(resumed.isDegraded())
                .as("decisions resume on the promoted replica")
                .isFalse();
        try (RespClient sentinel = group.sentinelNode().client()) {
            List<?> master = sentinel.array("SENTINEL", "get-master-addr-by-name", "mymaster");
            assertThat(master.get(1)).isEqualTo(String.valueOf(group.replica().port()));
        }
    }

    @Test
    void aFloodOnADeniedKeyBarelyReachesRedis() {
        RedisServerProcess redis = standalone();
        RedisNode node = redis.node(0);
        RateLimiter limiter = engine(redis.uri(), 3, Duration.ofSeconds(1))
                .limiter(RateLimitPolicy.of("flood", Limit.fixedWindow(5, Duration.ofHours(1))));
        for (int i = 0; i < 5; i++) {
            assertThat(limiter.acquire("hot").isAllowed()).isTrue();
        }
        long before = CommandStats.evalshaCalls(node);

        long denied = 0;
        for (int i = 0; i < 1000; i++) {
            denied += limiter.acquire("hot").isAllowed() ? 0 : 1;
        }

        assertThat(denied).isEqualTo(1000);
        assertThat(CommandStats.evalshaCalls(node) - before)
                .as("Redis calls for 1000 denied requests")
                .isEqualTo(1);
    }

    @Test
    void readsRedisTimeWhenNoClockIsGivenAndExpiresIdleState() {
        RedisServerProcess redis = standalone();
        RateLimiter limiter = engine(redis.uri(), 3, Duration.ofSeconds(1))
                .limiter(RateLimitPolicy.of("time", Limit.gcra(2, Duration.ofSeconds(10), 2)));

        assertThat(limiter.acquire("k", 2).isAllowed()).isTrue();
        Decision denied = limiter.acquire("k");

        assertThat(denied.isAllowed()).isFalse();
        assertThat(denied.retryAfter()).isBetween(Duration.ofSeconds(4), Duration.ofSeconds(5));
        try (RespClient admin = redis.node(0).client()) {
            List<?> keys = admin.array("KEYS", "rl:*");
            assertThat(keys).hasSize(1);
            long ttl = (Long) admin.command("PTTL", String.valueOf(keys.get(0)));
            assertThat(ttl).as("expiry only after the state is fresh again").isBetween(10_000L, 11_100L);
        }
    }
}
