package dev.perfplatform.ratelimit;

import dev.perfplatform.ratelimit.redis.RedisEngine;
import dev.perfplatform.testing.redis.RedisEndpoint;
import dev.perfplatform.testing.redis.RedisTest;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The contract on a real standalone Redis (the shared test server, under this class's own key prefix). */
@RedisTest
class RedisStandaloneContractIntegrationTests extends RateLimiterContract {

    private static RedisClient client;
    private static String prefix;

    @BeforeAll
    static void connect(RedisEndpoint redis) {
        client = RedisClient.create(RedisURI.create(redis.uri()));
        prefix = redis.keyPrefix();
    }

    @AfterAll
    static void disconnect() {
        client.shutdown();
    }

    @Override
    RateLimiterEngine newEngine(TimeSource clock) {
        return RedisEngine.builder(client)
                .keyPrefix(prefix)
                .timeSource(clock)
                .commandTimeout(Duration.ofSeconds(5))
                .build();
    }

    @Override
    boolean reportsCachedDenials() {
        return true;
    }
}
