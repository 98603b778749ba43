package dev.perfplatform.testing.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.perfplatform.testing.resp.RespClient;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;

@RedisTest
class RedisExtensionIntegrationTests {

    private static @Nullable RedisEndpoint fromBeforeAll;

    @BeforeAll
    static void captureEndpoint(RedisEndpoint redis) {
        fromBeforeAll = redis;
    }

    @Test
    void injectsARealServerThatAnswers(RedisEndpoint redis) {
        try (RespClient client = connect(redis)) {
            client.command("SET", redis.key("greeting"), "hello");

            assertThat(client.string("GET", redis.key("greeting"))).isEqualTo("hello");
        }
    }

    @Test
    void givesTheWholeClassOnePrefixNamedAfterIt(RedisEndpoint redis) {
        assertThat(redis).isEqualTo(fromBeforeAll);
        assertThat(redis.keyPrefix())
                .startsWith("test:redisextensionintegrationtests:")
                .endsWith(":");
        assertThat(redis.uri()).startsWith("redis://").endsWith("/" + redis.database());
    }

    @Test
    void deletesOnlyTheKeysOfTheClassAfterIt(RedisEndpoint redis) {
        String unrelated = redis.key("outside").replace("test:", "other:");
        try (RespClient client = connect(redis)) {
            client.command("SET", unrelated, "kept");

            EngineTestKit.engine("junit-jupiter")
                    .selectors(selectClass(WritesKeys.class))
                    .execute()
                    .testEvents()
                    .assertStatistics(stats -> stats.succeeded(1));

            RedisEndpoint sample = WritesKeys.endpoint;
            assertThat(sample).isNotNull();
            assertThat(sample.keyPrefix()).isNotEqualTo(redis.keyPrefix());
            assertThat(client.array("KEYS", sample.keyPrefix() + "*")).isEmpty();
            assertThat(client.string("GET", unrelated)).isEqualTo("kept");
            client.command("DEL", unrelated);
        }
    }

    private static RespClient connect(RedisEndpoint redis) {
        RespClient client = RespClient.connect(redis.host(), redis.port(), Duration.ofSeconds(2));
        client.command("SELECT", String.valueOf(redis.database()));
        return client;
    }

    /** Run by the test above through the JUnit test kit, not by the build's test runners. */
    @RedisTest
    static class WritesKeys {
        static @Nullable RedisEndpoint endpoint;

        @Test
        void writesManyKeys(RedisEndpoint redis) {
            endpoint = redis;
            try (RespClient client = connect(redis)) {
                for (int i = 0; i < 1200; i++) {
                    client.command("SET", redis.key("k" + i), "v");
                }
            }
        }
    }
}
