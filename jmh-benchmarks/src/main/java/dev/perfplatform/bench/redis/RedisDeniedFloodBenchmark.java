package dev.perfplatform.bench.redis;

import dev.perfplatform.bench.KeySpace;
import dev.perfplatform.ratelimit.Limit;
import dev.perfplatform.ratelimit.RateLimitPolicy;
import java.time.Duration;
import org.openjdk.jmh.annotations.Benchmark;

/**
 * A flood of requests on one key of 100 per second, 64 in flight: nearly every request is denied, and the negative
 * cache should keep nearly all of them away from Redis (goal: at most 0.01 commands per decision).
 */
public class RedisDeniedFloodBenchmark extends RedisScenario {

    @Override
    protected RedisRig start(String method) {
        RedisRig rig = new RedisRig(64, "hot");
        return rig.use(Targets.ours(
                rig.client(), RateLimitPolicy.of("flood", Limit.tokenBucket(100, 100, Duration.ofSeconds(1)))));
    }

    @Benchmark
    public void redis_deniedFlood(KeySpace.Cursor cursor) {
        submit(cursor);
    }
}
