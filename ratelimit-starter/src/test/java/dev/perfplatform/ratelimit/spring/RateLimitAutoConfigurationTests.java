package dev.perfplatform.ratelimit.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.perfplatform.ratelimit.RateLimiterEngine;
import dev.perfplatform.ratelimit.memory.InMemoryEngine;
import dev.perfplatform.ratelimit.spring.internal.RateLimitWebFilter;
import dev.perfplatform.ratelimit.spring.web.KeyResolver;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

class RateLimitAutoConfigurationTests {

    private static final String[] API_POLICY = {
        "ratelimit.policies.api.limits[0].algorithm=sliding-window",
        "ratelimit.policies.api.limits[0].limit=100",
        "ratelimit.policies.api.limits[0].window=1m"
    };

    private final ApplicationContextRunner runner =
            new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(RateLimitAutoConfiguration.class));

    @Test
    void defaultsToTheInMemoryEngineWithoutRedisSettings() {
        runner.withPropertyValues(API_POLICY).run(context -> {
            assertThat(context).hasSingleBean(RateLimiterRegistry.class);
            assertThat(context.getBean(RateLimiterEngine.class)).isInstanceOf(InMemoryEngine.class);
            assertThat(context.getBean(RateLimiterRegistry.class)
                            .limiter("api")
                            .acquire("k")
                            .remaining())
                    .isEqualTo(99);
            assertThat(context).doesNotHaveBean(RateLimitWebFilter.class);
        });
    }

    @Test
    void appliesInMemorySettings() {
        runner.withPropertyValues("ratelimit.engine=memory", "ratelimit.memory.max-keys=2")
                .withPropertyValues(API_POLICY)
                .run(context -> {
                    var registry = context.getBean(RateLimiterRegistry.class);
                    for (int i = 0; i < 5; i++) {
                        registry.limiter("api").acquire("k" + i);
                    }
                    assertThat(((InMemoryEngine) registry.engine()).keyCount()).isLessThanOrEqualTo(2);
                });
    }

    @Test
    void backsOffWhenTheApplicationDefinesItsOwnEngine() {
        runner.withUserConfiguration(OwnEngine.class)
                .withPropertyValues(API_POLICY)
                .run(context -> {
                    assertThat(context.getBean(RateLimiterEngine.class)).isSameAs(OwnEngine.ENGINE);
                    assertThat(context.getBean(RateLimiterRegistry.class).engine())
                            .isSameAs(OwnEngine.ENGINE);
                });
    }

    @Test
    void failsStartUpNamingTheBadProperty() {
        runner.withPropertyValues(
                        "ratelimit.policies.api.limits[0].algorithm=leaky-bucket",
                        "ratelimit.policies.api.limits[0].limit=1",
                        "ratelimit.policies.api.limits[0].window=1s")
                .run(context -> assertThat(context)
                        .getFailure()
                        .rootCause()
                        .hasMessageStartingWith("ratelimit.policies.api.limits[0].algorithm: unknown algorithm"));
    }

    @Test
    void failsStartUpOnAnUnknownKeyResolverAndAcceptsAKnownOne() {
        runner.withPropertyValues(API_POLICY)
                .withPropertyValues("ratelimit.policies.api.key=tenant")
                .run(context -> assertThat(context)
                        .getFailure()
                        .rootCause()
                        .hasMessageStartingWith("ratelimit.policies.api.key: unknown key 'tenant'"));
        runner.withPropertyValues(API_POLICY)
                .withPropertyValues("ratelimit.policies.api.key=tenant")
                .withBean("tenant", KeyResolver.class, () -> request -> request.header("X-Tenant"))
                .run(context -> assertThat(context).hasNotFailed());
    }

    @Test
    void redisWithoutLettuceFailsStartUpSayingWhy() {
        runner.withClassLoader(new FilteredClassLoader("io.lettuce"))
                .withPropertyValues("ratelimit.engine=redis")
                .withPropertyValues(API_POLICY)
                .run(context -> assertThat(context)
                        .getFailure()
                        .rootCause()
                        .hasMessage("ratelimit.engine: redis needs io.lettuce:lettuce-core on the class path"));
    }

    @Test
    void redisWithoutAConnectionFailsStartUpSayingWhy() {
        runner.withPropertyValues("ratelimit.engine=redis")
                .withPropertyValues(API_POLICY)
                .run(context -> assertThat(context)
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("redis needs ratelimit.redis.url or a Spring Data Redis connection"));
    }

    @Test
    void aClusterTopologySettingThatCannotWorkFailsStartUpNamingIt() {
        runner.withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class))
                .withPropertyValues(
                        "spring.data.redis.cluster.nodes=127.0.0.1:1",
                        "ratelimit.redis.cluster.adaptive-refresh-timeout=0s")
                .withPropertyValues(API_POLICY)
                .run(context -> assertThat(context)
                        .getFailure()
                        .rootCause()
                        .hasMessageStartingWith("ratelimit.redis.cluster: adaptiveTimeout must be positive"));
    }

    @Test
    void worksWithoutMicrometerAndInstrumentsWhenItIsThere() {
        runner.withClassLoader(new FilteredClassLoader(MeterRegistry.class))
                .withPropertyValues(API_POLICY)
                .run(context -> assertThat(context).hasNotFailed());
        runner.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
                .withPropertyValues(API_POLICY)
                .run(context -> {
                    context.getBean(RateLimiterRegistry.class).limiter("api").acquire("k");
                    assertThat(context.getBean(MeterRegistry.class)
                                    .get("ratelimit.decisions")
                                    .tag("policy", "api")
                                    .tag("outcome", "allowed")
                                    .counter()
                                    .count())
                            .isEqualTo(1);
                });
    }

    @Test
    void canBeSwitchedOff() {
        runner.withPropertyValues("ratelimit.enabled=false")
                .withPropertyValues(API_POLICY)
                .run(context -> assertThat(context).doesNotHaveBean(RateLimiterRegistry.class));
    }

    @Test
    void addsTheWebFilterInReactiveApplicationsOnly() {
        new ReactiveWebApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(RateLimitAutoConfiguration.class))
                .withPropertyValues(API_POLICY)
                .withPropertyValues("ratelimit.client-ip.trusted-proxies=10.0.0.0/8")
                .run(context -> assertThat(context).hasSingleBean(RateLimitWebFilter.class));
        new ReactiveWebApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(RateLimitAutoConfiguration.class))
                .withPropertyValues(API_POLICY)
                .withPropertyValues("ratelimit.client-ip.trusted-proxies=proxy.internal")
                .run(context -> assertThat(context)
                        .getFailure()
                        .rootCause()
                        .hasMessageStartingWith("ratelimit.client-ip.trusted-proxies[0]: not an IP address literal"));
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnEngine {
        static final InMemoryEngine ENGINE = InMemoryEngine.create();

        @Bean
        RateLimiterEngine myEngine() {
            return ENGINE;
        }
    }
}
