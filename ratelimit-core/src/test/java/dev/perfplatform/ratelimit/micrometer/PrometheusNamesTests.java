package dev.perfplatform.ratelimit.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.perfplatform.ratelimit.CircuitState;
import dev.perfplatform.ratelimit.Limit;
import dev.perfplatform.ratelimit.RateLimitPolicy;
import dev.perfplatform.ratelimit.RateLimiter;
import dev.perfplatform.ratelimit.StoreErrorCause;
import dev.perfplatform.ratelimit.memory.InMemoryEngine;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class PrometheusNamesTests {

    @Test
    void rendersConventionalPrometheusNamesWithoutTheKey() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        try (InMemoryEngine engine = InMemoryEngine.create()) {
            RateLimiter limiter = RateLimiterMetrics.instrument(
                    engine.limiter(RateLimitPolicy.of("api", Limit.fixedWindow(5, Duration.ofMinutes(1)))),
                    registry,
                    engine.kind());
            limiter.acquire("client-4711");
            RateLimiterMetrics.storeListener(registry).onStoreError(limiter.policy(), StoreErrorCause.TIMEOUT);
            RateLimiterMetrics.bindCircuitState(registry, () -> CircuitState.OPEN);
            RateLimiterMetrics.bindKeyCount(registry, engine);

            String text = registry.scrape();

            assertThat(text.lines().filter(line -> line.startsWith("# TYPE ")))
                    .containsExactlyInAnyOrder(
                            "# TYPE ratelimit_decisions_total counter",
                            "# TYPE ratelimit_evictions_total counter",
                            "# TYPE ratelimit_keys gauge",
                            "# TYPE ratelimit_latency_seconds summary",
                            "# TYPE ratelimit_latency_seconds_max gauge",
                            "# TYPE ratelimit_redis_circuit_state gauge",
                            "# TYPE ratelimit_redis_circuit_transitions_total counter",
                            "# TYPE ratelimit_redis_errors_total counter");
            assertThat(text)
                    .contains("ratelimit_decisions_total{mode=\"normal\",outcome=\"allowed\",policy=\"api\"} 1.0")
                    .contains("ratelimit_redis_errors_total{cause=\"timeout\",policy=\"api\"} 1.0")
                    .contains("ratelimit_redis_circuit_state 2.0")
                    .doesNotContain("client-4711");
        }
    }
}
