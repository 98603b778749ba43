package dev.perfplatform.ratelimit.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.perfplatform.ratelimit.Decision;
import dev.perfplatform.ratelimit.RateLimiterEngine;
import dev.perfplatform.testing.redis.RedisEndpoint;
import dev.perfplatform.testing.redis.RedisTest;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The engine on real Redis: from ratelimit.redis.url, or from the application's own Spring Data Redis settings. */
@RedisTest
class RedisEngineSelectionIntegrationTests {

    private static final String[] POLICY = {
        "ratelimit.policies.api.limits[0].algorithm=gcra",
        "ratelimit.policies.api.limits[0].limit=10",
        "ratelimit.policies.api.limits[0].window=1m",
        "ratelimit.policies.api.limits[0].burst=2"
    };

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(
                    AutoConfigurations.of(DataRedisAutoConfiguration.class, RateLimitAutoConfiguration.class))
            .withPropertyValues(POLICY);

    @Test
    void autoUsesTheLimiterUrlWhenSet(RedisEndpoint redis) {
        runner.withPropertyValues(
                        "ratelimit.redis.url=" + redis.uri(), "ratelimit.redis.key-prefix=" + redis.keyPrefix())
                .run(context -> assertDecidesInRedis(context.getBean(RateLimiterRegistry.class), redis, "url"));
    }

    @Test
    void autoReusesTheApplicationsSpringDataRedisSettings(RedisEndpoint redis) {
        runner.withPropertyValues(
                        "spring.data.redis.host=" + redis.host(),
                        "spring.data.redis.port=" + redis.port(),
                        "spring.data.redis.database=" + redis.database(),
                        "ratelimit.redis.key-prefix=" + redis.keyPrefix())
                .run(context -> assertDecidesInRedis(context.getBean(RateLimiterRegistry.class), redis, "data"));
    }

    @Test
    void bindsTheCircuitStateOfTheRedisEngineAndNoInMemoryMeters(RedisEndpoint redis) {
        runner.withConfiguration(AutoConfigurations.of(MetricsAutoConfiguration.class))
                .withBean(SimpleMeterRegistry.class)
                .withPropertyValues(
                        "ratelimit.redis.url=" + redis.uri(), "ratelimit.redis.key-prefix=" + redis.keyPrefix())
                .run(context -> {
                    MeterRegistry meters = context.getBean(MeterRegistry.class);
                    assertThat(meters.get("ratelimit.redis.circuit.state")
                                    .gauge()
                                    .value())
                            .isZero();
                    assertThat(meters.find("ratelimit.keys").gauge()).isNull();
                });
    }

    @Test
    void theLocalFallbackHonoursTheMemoryCapAndIsMetered() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        runner.withConfiguration(AutoConfigurations.of(MetricsAutoConfiguration.class))
                .withBean(SimpleMeterRegistry.class)
                .withPropertyValues(
                        "ratelimit.redis.url=redis://127.0.0.1:" + closedPort,
                        "ratelimit.policies.api.failure=local",
                        "ratelimit.memory.max-keys=2")
                .run(context -> {
                    RateLimiterRegistry registry = context.getBean(RateLimiterRegistry.class);
                    for (String key : List.of("a", "b", "c")) {
                        Decision decision = registry.limiter("api").acquire(key);
                        assertThat(decision.isAllowed()).isTrue();
                        assertThat(decision.isDegraded()).isTrue();
                    }
                    MeterRegistry meters = context.getBean(MeterRegistry.class);
                    assertThat(meters.get("ratelimit.fallback.keys").gauge().value())
                            .isEqualTo(2);
                    double evicted = meters.get("ratelimit.fallback.evictions").functionCounters().stream()
                            .mapToDouble(FunctionCounter::count)
                            .sum();
                    assertThat(evicted).isEqualTo(1);
                });
    }

    @Test
    void memoryStaysMemoryEvenWithRedisAround(RedisEndpoint redis) {
        runner.withPropertyValues("ratelimit.engine=memory", "spring.data.redis.port=" + redis.port())
                .run(context -> assertThat(
                                context.getBean(RateLimiterEngine.class).kind())
                        .isEqualTo("memory"));
    }

    private static void assertDecidesInRedis(RateLimiterRegistry registry, RedisEndpoint redis, String key) {
        assertThat(registry.engine().kind()).isEqualTo("redis");
        Decision first = registry.limiter("api").acquire(key, 2);
        Decision second = registry.limiter("api").acquire(key);
        assertThat(first.isAllowed()).isTrue();
        assertThat(first.isDegraded()).isFalse();
        assertThat(second.isAllowed()).isFalse();
        assertThat(second.retryAfter()).isPositive();
    }
}
