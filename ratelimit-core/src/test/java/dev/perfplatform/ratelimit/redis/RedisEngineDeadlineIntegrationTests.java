package dev.perfplatform.ratelimit.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.perfplatform.ratelimit.Limit;
import dev.perfplatform.ratelimit.RateLimitPolicy;
import dev.perfplatform.ratelimit.RateLimiter;
import dev.perfplatform.testing.redis.RedisServerProcess;
import dev.perfplatform.testing.resp.RespClient;
import io.lettuce.core.RedisURI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A decision waits at most for the command timeout, counted from when it was asked, even when it queued behind a
 * stuck call on the same key. {@code DEBUG SLEEP 2} blocks a server this class starts while several threads ask on
 * two hot keys. The bound (1.4 × the timeout) is a correctness bound, not a speed test: queued requests that waited
 * for the stuck call's timeout and were then sent took twice the timeout or more, while a right engine overshoots by
 * scheduling alone (up to 81 ms seen with both cores busy). Timeouts of 250 ms and more keep the two apart; at 100 ms
 * they are not (181 ms seen under load, against 209–253 ms for the old engine). The README's figures come from the line
 * each case prints, with {@code -Dratelimit.deadline.timeouts=100,300} (whose 100 ms bound may then fail on a busy
 * machine: the printed line is the figure).
 */
class RedisEngineDeadlineIntegrationTests {

    private static final int THREADS = 6;
    /** Room for scheduling on a loaded machine, well below the old engine's twice the timeout. */
    private static final double BOUND = 1.4;

    private static RedisServerProcess redis;

    @BeforeAll
    static void start() {
        redis = RedisServerProcess.standalone();
    }

    @AfterAll
    static void stop() {
        redis.close();
    }

    static IntStream timeouts() {
        return Arrays.stream(System.getProperty("ratelimit.deadline.timeouts", "250,400")
                        .split(",", -1))
                .mapToInt(each -> Integer.parseInt(each.trim()));
    }

    @ParameterizedTest
    @MethodSource("timeouts")
    void noDecisionOutlivesTheCommandTimeoutWhileRedisIsBlocked(int timeoutMillis) throws Exception {
        Duration timeout = Duration.ofMillis(timeoutMillis);
        try (RedisEngine engine = RedisEngine.builder(RedisURI.create(redis.uri()))
                        .commandTimeout(timeout)
                        .circuitBreaker(Integer.MAX_VALUE, Duration.ofSeconds(1)) // every decision meets the block
                        .negativeCacheSize(0)
                        .build();
                RespClient admin = redis.node(0).client()) {
            RateLimiter limiter =
                    engine.limiter(RateLimitPolicy.of("deadline", Limit.fixedWindow(1_000_000, Duration.ofHours(1))));
            limiter.acquire("warm-up");

            long slowest = slowestDecisionNanosDuring(limiter, () -> admin.command("DEBUG", "SLEEP", "2"));

            System.out.printf(
                    "command timeout %d ms: slowest decision %.1f ms%n", timeoutMillis, slowest / 1_000_000.0);
            assertThat(Duration.ofNanos(slowest))
                    .as("the slowest decision with a %d ms command timeout", timeoutMillis)
                    .isLessThan(Duration.ofMillis(Math.round(timeoutMillis * BOUND)));
        }
    }

    /** The slowest of the decisions {@link #THREADS} threads ask on two keys while {@code block} runs. */
    private static long slowestDecisionNanosDuring(RateLimiter limiter, Runnable block) throws Exception {
        AtomicBoolean blocking = new AtomicBoolean(true);
        ExecutorService threads = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<Long>> slowest = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                String key = "hot-" + (t % 2);
                slowest.add(threads.submit(() -> {
                    long max = 0;
                    while (blocking.get()) {
                        long start = System.nanoTime();
                        limiter.acquire(key);
                        max = Math.max(max, System.nanoTime() - start);
                    }
                    return max;
                }));
            }
            block.run();
            blocking.set(false);
            long max = 0;
            for (Future<Long> each : slowest) {
                max = Math.max(max, each.get(30, TimeUnit.SECONDS));
            }
            return max;
        } finally {
            threads.shutdownNow();
        }
    }
}
