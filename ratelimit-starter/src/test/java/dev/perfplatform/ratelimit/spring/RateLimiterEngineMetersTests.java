package dev.perfplatform.ratelimit.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.perfplatform.ratelimit.memory.InMemoryEngine;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class RateLimiterEngineMetersTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(MetricsAutoConfiguration.class, RateLimitAutoConfiguration.class))
            .withBean(SimpleMeterRegistry.class)
            .withPropertyValues(
                    "ratelimit.engine=memory",
                    "ratelimit.memory.max-keys=10",
                    "ratelimit.policies.api.limits[0].algorithm=fixed-window",
                    "ratelimit.policies.api.limits[0].limit=5",
                    "ratelimit.policies.api.limits[0].window=1m");

    @Test
    void bindsTheInMemoryEnginesKeysAndEvictions() {
        runner.run(context -> {
            RateLimiterRegistry limiters = context.getBean(RateLimiterRegistry.class);
            for (int i = 0; i < 12; i++) {
                limiters.limiter("api").acquire("client-" + i);
            }
            InMemoryEngine engine = (InMemoryEngine) limiters.engine();
            MeterRegistry meters = context.getBean(MeterRegistry.class);

            assertThat(meters.get("ratelimit.keys")
                            .tag("engine", "memory")
                            .gauge()
                            .value())
                    .isEqualTo(engine.keyCount())
                    .isPositive();
            assertThat(meters.get("ratelimit.evictions")
                            .tag("kind", "active")
                            .functionCounter()
                            .count())
                    .isEqualTo(engine.evictedActiveKeys())
                    .isPositive();
            assertThat(meters.get("ratelimit.evictions")
                            .tag("kind", "fresh")
                            .functionCounter()
                            .count())
                    .isZero();
            assertThat(meters.find("ratelimit.redis.circuit.state").gauge()).isNull();
        });
    }

    @Test
    void backsOffForTheApplicationsOwnBinder() {
        runner.withBean(
                        "rateLimiterEngineMeters",
                        io.micrometer.core.instrument.binder.MeterBinder.class,
                        () -> r -> {})
                .run(context -> assertThat(context.getBean(MeterRegistry.class)
                                .find("ratelimit.keys")
                                .gauge())
                        .isNull());
    }
}
