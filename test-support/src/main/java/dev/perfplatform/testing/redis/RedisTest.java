package dev.perfplatform.testing.redis;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives the annotated test class a real Redis server and a key prefix of its own, injected as a {@link
 * RedisEndpoint} parameter into constructors, {@code @BeforeAll}, {@code @BeforeEach} and test methods. Keys under
 * the prefix are deleted after the class; nothing else on the server is touched.
 *
 * <pre>{@code
 * @RedisTest
 * class LimiterIntegrationTests {
 *     @Test
 *     void countsRequests(RedisEndpoint redis) {
 *         RedisClient client = RedisClient.create(redis.uri());
 *         String key = redis.key("counter");
 *         ...
 *     }
 * }
 * }</pre>
 *
 * <p>The server is {@code TEST_REDIS_URL} when set, else one on 127.0.0.1:6379, else a {@code redis:7} container
 * when a Docker engine is present; otherwise the class fails with a message that says so.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(RedisExtension.class)
public @interface RedisTest {}
