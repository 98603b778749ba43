package dev.perfplatform.ratelimit.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.perfplatform.ratelimit.Limit;
import dev.perfplatform.ratelimit.RateLimitPolicy;
import dev.perfplatform.testing.redis.RedisEndpoint;
import dev.perfplatform.testing.redis.RedisTest;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The lean script decides exactly as the general one: on random sequences of batches, peeks and bursts, at explicit
 * times, both give the same replies and leave the same state and expiry; and either can take over a key from the
 * other at any call.
 */
@RedisTest
class RedisScriptAgreementIntegrationTests {

    private static RedisClient client;
    private static StatefulRedisConnection<String, String> connection;
    private static RedisCommands<String, String> redis;
    private static String prefix;

    @BeforeAll
    static void connect(RedisEndpoint endpoint) {
        client = RedisClient.create(RedisURI.create(endpoint.uri()));
        connection = client.connect();
        redis = connection.sync();
        prefix = endpoint.keyPrefix();
        for (RedisScript script : RedisScript.values()) {
            redis.scriptLoad(script.source);
        }
    }

    @AfterAll
    static void disconnect() {
        connection.close();
        client.shutdown();
    }

    static Stream<Limit> counterLimits() {
        return Stream.of(
                Limit.tokenBucket(10, 1, Duration.ofMillis(100)),
                Limit.tokenBucket(100, 7, Duration.ofSeconds(3)),
                Limit.slidingWindowCounter(10, Duration.ofSeconds(1)),
                Limit.slidingWindowCounter(3, Duration.ofMillis(250)),
                Limit.fixedWindow(10, Duration.ofSeconds(1)),
                Limit.fixedWindow(1, Duration.ofMillis(10)),
                Limit.gcra(5, Duration.ofSeconds(1), 3),
                Limit.gcra(1000, Duration.ofMinutes(1), 50),
                Limit.gcra(7, Duration.ofSeconds(1), 40));
    }

    @ParameterizedTest
    @MethodSource("counterLimits")
    void theLeanScriptAnswersAndStoresExactlyAsTheGeneralOne(Limit limit) {
        RateLimitPolicy policy = RateLimitPolicy.of("agree", limit);
        PolicyScript script = new PolicyScript(prefix, policy);
        assertThat(script.script()).isEqualTo(RedisScript.SINGLE_LIMIT);
        for (long seed = 1; seed <= 20; seed++) {
            String general = "general-" + seed + "-" + limit.algorithm();
            String lean = "lean-" + seed + "-" + limit.algorithm();
            String mixed = "mixed-" + seed + "-" + limit.algorithm();
            SplittableRandom random = new SplittableRandom(seed);
            long now = 1_700_000_000_000_000L + random.nextLong(1_000_000);
            for (int call = 0; call < 60; call++) {
                now += gap(random, limit);
                long[] permits = batch(random, limit);
                String[] args = script.args(now, permits, permits.length);
                String where = "seed " + seed + ", call " + call + " at " + now + " us";

                List<Object> expected = run(RedisScript.GENERAL, script.keys(general), args);
                assertThat(run(RedisScript.SINGLE_LIMIT, script.keys(lean), args))
                        .as(where)
                        .isEqualTo(expected);
                RedisScript either = random.nextBoolean() ? RedisScript.GENERAL : RedisScript.SINGLE_LIMIT;
                assertThat(run(either, script.keys(mixed), args)).as(where).isEqualTo(expected);

                Map<String, String> state = redis.hgetall(script.keys(general)[0]);
                assertThat(redis.hgetall(script.keys(lean)[0])).as(where).isEqualTo(state);
                assertThat(redis.hgetall(script.keys(mixed)[0])).as(where).isEqualTo(state);
                long ttl = redis.pttl(script.keys(general)[0]);
                assertThat(redis.pttl(script.keys(lean)[0])).as(where).isBetween(ttl - 200, ttl + 200);
            }
        }
    }

    @Test
    void policiesOfOneCounterLimitTakeTheLeanPathAndOthersTheGeneralOne() {
        Limit counter = Limit.tokenBucket(10, 1, Duration.ofSeconds(1));
        assertThat(RedisScript.of(RateLimitPolicy.of("one", counter))).isEqualTo(RedisScript.SINGLE_LIMIT);
        assertThat(RedisScript.of(RateLimitPolicy.of("log", Limit.slidingWindowLog(10, Duration.ofSeconds(1)))))
                .isEqualTo(RedisScript.GENERAL);
        assertThat(RedisScript.of(RateLimitPolicy.builder("two")
                        .limit(counter)
                        .limit(Limit.fixedWindow(100, Duration.ofMinutes(1)))
                        .build()))
                .isEqualTo(RedisScript.GENERAL);
    }

    private static List<Object> run(RedisScript script, String[] keys, String[] args) {
        return redis.evalsha(script.sha1, ScriptOutputType.MULTI, keys, args);
    }

    /** Mostly bursts and steps shorter than the period, sometimes a whole period or more of silence. */
    private static long gap(SplittableRandom random, Limit limit) {
        long period = limit.period().toNanos() / 1000;
        int shape = random.nextInt(100);
        if (shape < 35) {
            return 0;
        }
        if (shape < 85) {
            return random.nextLong(1, Math.max(2, period / Math.max(1, limit.capacity()) * 2));
        }
        if (shape < 97) {
            return random.nextLong(1, period + 2);
        }
        return random.nextLong(period, 3 * period + 1);
    }

    /** One to three requests: mostly one permit, sometimes a peek (0) or more than the limit holds. */
    private static long[] batch(SplittableRandom random, Limit limit) {
        int size = random.nextInt(10) < 8 ? 1 : random.nextInt(2, 4);
        List<Long> permits = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            int shape = random.nextInt(20);
            permits.add(shape == 0 ? 0 : shape == 1 ? limit.capacity() + 1 : random.nextLong(1, 3));
        }
        return permits.stream().mapToLong(Long::longValue).toArray();
    }
}
