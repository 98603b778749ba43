package dev.perfplatform.bench.redis;

import dev.perfplatform.bench.KeySpace;
import dev.perfplatform.bench.Profiles;
import dev.perfplatform.ratelimit.Algorithm;
import dev.perfplatform.ratelimit.Limit;
import dev.perfplatform.ratelimit.RateLimitPolicy;
import java.time.Duration;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;

/**
 * Admitted decisions on Redis with 1, 8 and 64 calls in flight, over 100k random keys or one hot key: our engine,
 * our engine with a two-limit policy, bucket4j's Lettuce integration plain and with batching, and the floor, our
 * script called raw with {@code EVALSHA}.
 */
public class RedisBenchmark extends RedisScenario {

    /** Calls in flight, sent by one thread. */
    @Param({"1", "8", "64"})
    public int inFlight = 1;

    /** {@code 100k}: uniformly random over 100,000 keys; {@code hot}: every call on one key. */
    @Param({"100k", "hot"})
    public String keys = "hot";

    @Override
    protected RedisRig start(String method) {
        RedisRig rig = new RedisRig(inFlight, keys);
        Limit limit = Profiles.limit(Algorithm.TOKEN_BUCKET, true);
        return rig.use(
                switch (method) {
                    case "redis_ours" -> Targets.ours(rig.client(), RateLimitPolicy.of("bench", limit));
                    case "redis_multiLimit" ->
                        Targets.ours(
                                rig.client(),
                                RateLimitPolicy.builder("bench2")
                                        .limit(limit)
                                        .limit(Limit.slidingWindowCounter(Profiles.HUGE, Duration.ofMinutes(1)))
                                        .build());
                    case "redis_bucket4j" ->
                        Targets.bucket4j(rig.client(), Profiles.bucket4j(true), rig.space(), false);
                    case "redis_bucket4jBatching" ->
                        Targets.bucket4j(rig.client(), Profiles.bucket4j(true), rig.space(), true);
                    case "redis_evalsha" -> Targets.evalsha(rig.client(), limit, rig.space());
                    default -> throw new IllegalArgumentException("no Redis contender for " + method);
                });
    }

    @Benchmark
    public void redis_ours(KeySpace.Cursor cursor) {
        submit(cursor);
    }

    @Benchmark
    public void redis_multiLimit(KeySpace.Cursor cursor) {
        submit(cursor);
    }

    @Benchmark
    public void redis_bucket4j(KeySpace.Cursor cursor) {
        submit(cursor);
    }

    @Benchmark
    public void redis_bucket4jBatching(KeySpace.Cursor cursor) {
        submit(cursor);
    }

    @Benchmark
    public void redis_evalsha(KeySpace.Cursor cursor) {
        submit(cursor);
    }
}
