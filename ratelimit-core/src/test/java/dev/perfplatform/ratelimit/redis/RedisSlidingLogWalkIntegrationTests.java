package dev.perfplatform.ratelimit.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.perfplatform.ratelimit.Decision;
import dev.perfplatform.ratelimit.Limit;
import dev.perfplatform.ratelimit.RateLimitPolicy;
import dev.perfplatform.ratelimit.RateLimiter;
import dev.perfplatform.testing.redis.RedisServerProcess;
import io.lettuce.core.RedisURI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A denial on a sliding window log reads the log entries it needs to find its retry-after, in chunks, not the whole
 * log (the script used to read every entry, {@code ZRANGE key 0 -1}, on every denial). Counted with {@code MONITOR}:
 * the entries each {@code ZRANGE} of the script asks for.
 */
class RedisSlidingLogWalkIntegrationTests {

    private static final int LOG_SIZE = 2_000;

    private static RedisServerProcess redis;
    private static RedisEngine engine;
    private static RateLimiter limiter;

    @BeforeAll
    static void fillALog() {
        redis = RedisServerProcess.standalone();
        engine = RedisEngine.builder(RedisURI.create(redis.uri()))
                .commandTimeout(Duration.ofSeconds(5))
                .negativeCacheSize(0) // every denial goes to the script
                .build();
        limiter = engine.limiter(RateLimitPolicy.of("walk", Limit.slidingWindowLog(LOG_SIZE, Duration.ofHours(1))));
        List<CompletableFuture<Decision>> admissions = new ArrayList<>();
        for (int i = 0; i < LOG_SIZE; i++) {
            admissions.add(limiter.acquireAsync("full", 1).toCompletableFuture());
        }
        assertThat(admissions).allMatch(admission -> admission.join().isAllowed());
    }

    @AfterAll
    static void stop() {
        engine.close();
        redis.close();
    }

    @ParameterizedTest(name = "{0} permits")
    @CsvSource({"1, 1", "2, 1", "128, 1", "129, 2", "300, 3", "2000, 16"})
    void aDenialReadsOnlyTheEntriesItNeeds(long permits, int chunks) throws Exception {
        try (ScriptCommandMonitor monitor = ScriptCommandMonitor.watch(redis.node(0))) {
            Decision decision = limiter.acquire("full", permits);
            List<List<String>> ranges = monitor.runSinceLastCall("ZRANGE");

            assertThat(decision.isAllowed()).isFalse();
            List<List<String>> walk = ranges.stream()
                    .filter(range -> !range.get(1).equals("-1")) // the newest entry, read on its own
                    .toList();
            long entriesRead = walk.stream().mapToLong(range -> entries(range)).sum();
            assertThat(walk).as("ZRANGE calls walking the log").hasSize(chunks);
            assertThat(entriesRead)
                    .as("entries read of a log of %d to free %d permits", LOG_SIZE, permits)
                    .isEqualTo(permits);
        }
    }

    /** Entries a {@code ZRANGE key start stop WITHSCORES} asks for; a negative stop (the whole log) counts all. */
    private static long entries(List<String> range) {
        long start = Long.parseLong(range.get(1));
        long stop = Long.parseLong(range.get(2));
        return stop < 0 ? LOG_SIZE - start : stop - start + 1;
    }
}
