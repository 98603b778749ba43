package dev.perfplatform.ratelimit.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.perfplatform.ratelimit.CircuitState;
import dev.perfplatform.ratelimit.RateLimitPolicy;
import dev.perfplatform.ratelimit.RateLimiter;
import dev.perfplatform.ratelimit.RateLimiterEngine;
import dev.perfplatform.ratelimit.memory.InMemoryEngine;
import dev.perfplatform.ratelimit.spring.actuate.RateLimitActuatorAutoConfiguration;
import dev.perfplatform.ratelimit.spring.actuate.RateLimiterHealthIndicator;
import dev.perfplatform.ratelimit.spring.actuate.RateLimitersEndpoint;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class RateLimitActuatorTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(
                    AutoConfigurations.of(RateLimitAutoConfiguration.class, RateLimitActuatorAutoConfiguration.class))
            .withPropertyValues(
                    "ratelimit.policies.api.limits[0].algorithm=token-bucket",
                    "ratelimit.policies.api.limits[0].limit=5",
                    "ratelimit.policies.api.limits[0].window=1m",
                    "ratelimit.policies.api.limits[0].burst=3",
                    "ratelimit.policies.api.key=user");

    @Test
    @SuppressWarnings("unchecked")
    void theEndpointListsEngineCircuitAndPolicies() {
        runner.withPropertyValues("management.endpoints.web.exposure.include=ratelimiters")
                .run(context -> {
                    Map<String, Object> description =
                            context.getBean(RateLimitersEndpoint.class).rateLimiters();

                    assertThat(description).containsEntry("engine", "memory").containsEntry("circuit", "CLOSED");
                    Map<String, Object> api =
                            (Map<String, Object>) ((Map<String, Object>) description.get("policies")).get("api");
                    assertThat(api)
                            .containsEntry("key", "user")
                            .containsEntry("failurePolicy", "FAIL_OPEN")
                            .containsEntry("shadow", false);
                    assertThat(api.get("limits").toString()).contains("TOKEN_BUCKET, capacity=3, refill=5/PT1M");
                });
    }

    @Test
    void healthStaysUpAndSaysDegradedWhileTheCircuitIsOpen() {
        AtomicReference<CircuitState> circuit = new AtomicReference<>(CircuitState.CLOSED);
        RateLimiterEngine engine = redisLike(circuit::get, Map.of());
        runner.withBean(RateLimiterEngine.class, () -> engine).run(context -> {
            RateLimiterHealthIndicator health = context.getBean(RateLimiterHealthIndicator.class);
            assertThat(health.health(true).getDetails()).containsEntry("degraded", false);

            circuit.set(CircuitState.OPEN);
            Health degraded = health.health(true);

            assertThat(degraded.getStatus()).isEqualTo(Status.UP);
            assertThat(degraded.getDetails())
                    .containsEntry("degraded", true)
                    .containsEntry("circuit", "OPEN")
                    .containsEntry("engine", "redis");
        });
    }

    @Test
    void onAClusterTheEndpointAndHealthShowTheWorstCircuitAndEachMasters() {
        RateLimiterEngine engine = redisLike(
                () -> CircuitState.OPEN,
                Map.of("10.0.0.2:6379", CircuitState.CLOSED, "10.0.0.1:6379", CircuitState.OPEN));
        runner.withBean(RateLimiterEngine.class, () -> engine)
                .withPropertyValues("management.endpoints.web.exposure.include=ratelimiters")
                .run(context -> {
                    Map<String, String> byNode = Map.of("10.0.0.1:6379", "OPEN", "10.0.0.2:6379", "CLOSED");
                    assertThat(context.getBean(RateLimitersEndpoint.class).rateLimiters())
                            .containsEntry("circuit", "OPEN")
                            .containsEntry("circuitsByNode", byNode);
                    assertThat(context.getBean(RateLimiterHealthIndicator.class)
                                    .health(true)
                                    .getDetails())
                            .containsEntry("degraded", true)
                            .containsEntry("circuitsByNode", byNode);
                });
    }

    @Test
    void theEndpointIsNotCreatedUnlessExposed() {
        runner.run(context -> assertThat(context).doesNotHaveBean(RateLimitersEndpoint.class));
        runner.withPropertyValues(
                        "management.endpoints.web.exposure.include=ratelimiters",
                        "management.endpoint.ratelimiters.access=NONE")
                .run(context -> assertThat(context).doesNotHaveBean(RateLimitersEndpoint.class));
        runner.withPropertyValues("management.endpoints.web.exposure.include=ratelimiters")
                .run(context -> assertThat(context).hasSingleBean(RateLimitersEndpoint.class));
    }

    @Test
    void staysAwayWithoutTheActuator() {
        runner.withClassLoader(
                        new FilteredClassLoader("org.springframework.boot.actuate", "org.springframework.boot.health"))
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context).doesNotHaveBean(RateLimitersEndpoint.class);
                    assertThat(context).doesNotHaveBean(RateLimiterHealthIndicator.class);
                });
    }

    /** An engine that decides in memory but reports itself as Redis, with the given circuit states. */
    private static RateLimiterEngine redisLike(Supplier<CircuitState> circuit, Map<String, CircuitState> byNode) {
        InMemoryEngine memory = InMemoryEngine.create();
        return new RateLimiterEngine() {
            @Override
            public RateLimiter limiter(RateLimitPolicy policy) {
                return memory.limiter(policy);
            }

            @Override
            public String kind() {
                return "redis";
            }

            @Override
            public CircuitState circuitState() {
                return circuit.get();
            }

            @Override
            public Map<String, CircuitState> circuitStatesByNode() {
                return byNode;
            }

            @Override
            public void close() {}
        };
    }
}
