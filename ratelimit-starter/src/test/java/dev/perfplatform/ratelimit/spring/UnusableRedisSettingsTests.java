package dev.perfplatform.ratelimit.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.perfplatform.ratelimit.RateLimiterEngine;
import dev.perfplatform.ratelimit.memory.InMemoryEngine;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * Redis settings the limiter cannot use fail start-up instead of leaving it in memory unnoticed: each instance would
 * then enforce its own limits while the operator believes them shared.
 */
class UnusableRedisSettingsTests {

    private static final String[] API_POLICY = {
        "ratelimit.policies.api.limits[0].algorithm=sliding-window",
        "ratelimit.policies.api.limits[0].limit=100",
        "ratelimit.policies.api.limits[0].window=1m"
    };

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(RateLimitAutoConfiguration.class))
            .withPropertyValues(API_POLICY);

    @Test
    void springDataRedisSettingsWithoutSpringDataRedisOnTheClassPathFailStartUp() {
        runner.withClassLoader(new FilteredClassLoader("org.springframework.boot.data.redis"))
                .withPropertyValues("spring.data.redis.cluster.nodes=127.0.0.1:7000,127.0.0.1:7001")
                .run(context -> {
                    assertThat(context)
                            .getFailure()
                            .rootCause()
                            .isInstanceOf(InvalidRateLimitConfigurationException.class)
                            .hasMessageStartingWith("spring.data.redis: is set, but Spring Data Redis"
                                    + " (org.springframework.boot:spring-boot-data-redis) is not on the class path");
                    FailureAnalysis analysis =
                            new InvalidRateLimitConfigurationFailureAnalyzer().analyze(context.getStartupFailure());
                    assertThat(analysis.getDescription())
                            .startsWith("The rate limiter's configuration is invalid: spring.data.redis: is set");
                    assertThat(analysis.getAction()).contains("ratelimit.engine=memory");
                });
    }

    @Test
    void redisSettingsWithoutLettuceFailStartUp() {
        runner.withClassLoader(new FilteredClassLoader("io.lettuce"))
                .withPropertyValues("spring.data.redis.host=redis.internal")
                .run(context -> assertThat(context)
                        .getFailure()
                        .rootCause()
                        .hasMessageStartingWith("spring.data.redis: is set, but the rate limiter's Redis engine needs"
                                + " io.lettuce:lettuce-core on the class path"));
    }

    @Test
    void limiterRedisSettingsWithNoConnectionFailStartUp() {
        runner.withPropertyValues("ratelimit.redis.command-timeout=50ms")
                .run(context -> assertThat(context)
                        .getFailure()
                        .rootCause()
                        .hasMessageStartingWith("ratelimit.redis: is set, but no Redis connection is"));
    }

    @Test
    void anExplicitEngineRedisNamesTheMissingModule() {
        runner.withClassLoader(new FilteredClassLoader("org.springframework.boot.data.redis"))
                .withPropertyValues("ratelimit.engine=redis", "spring.data.redis.host=redis.internal")
                .run(context -> assertThat(context)
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("redis needs ratelimit.redis.url or a Spring Data Redis connection")
                        .hasMessageContaining("spring-boot-data-redis) is not on the class path"));
    }

    @Test
    void memoryOnPurposeAndABlankUrlStartInMemory() {
        runner.withClassLoader(new FilteredClassLoader("org.springframework.boot.data.redis"))
                .withPropertyValues("ratelimit.engine=memory", "spring.data.redis.host=redis.internal")
                .run(context ->
                        assertThat(context.getBean(RateLimiterEngine.class)).isInstanceOf(InMemoryEngine.class));
        runner.withClassLoader(new FilteredClassLoader("org.springframework.boot.data.redis"))
                .withPropertyValues("ratelimit.redis.url=${REDIS_URL_THAT_IS_NOT_SET:}")
                .run(context ->
                        assertThat(context.getBean(RateLimiterEngine.class)).isInstanceOf(InMemoryEngine.class));
    }
}
