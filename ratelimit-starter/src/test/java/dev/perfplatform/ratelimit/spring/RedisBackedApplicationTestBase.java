package dev.perfplatform.ratelimit.spring;

import dev.perfplatform.testing.redis.RedisEndpoint;
import dev.perfplatform.testing.redis.RedisTest;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the end-to-end tests: a real application on a random port whose limiter uses the real Redis of
 * {@link RedisTest}, under this test class's own key prefix.
 */
@RedisTest
public abstract class RedisBackedApplicationTestBase {

    private static RedisEndpoint redis;

    /** The application's port. */
    @Value("${local.server.port}")
    protected int port;

    @BeforeAll
    static void captureRedis(RedisEndpoint endpoint) {
        redis = endpoint;
    }

    @DynamicPropertySource
    static void redisProperties(DynamicPropertyRegistry registry) {
        registry.add("ratelimit.redis.url", () -> redis.uri());
        registry.add("ratelimit.redis.key-prefix", () -> redis.keyPrefix());
    }
}
