package dev.perfplatform.ratelimit.micrometer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import dev.perfplatform.ratelimit.CircuitState;
import dev.perfplatform.ratelimit.Limit;
import dev.perfplatform.ratelimit.ManualTimeSource;
import dev.perfplatform.ratelimit.RateLimitPolicy;
import dev.perfplatform.ratelimit.RateLimiter;
import dev.perfplatform.ratelimit.StoreErrorCause;
import dev.perfplatform.ratelimit.StoreListener;
import dev.perfplatform.ratelimit.memory.InMemoryEngine;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class RateLimiterMetricsTests {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final RateLimitPolicy login = RateLimitPolicy.of("login", Limit.fixedWindow(5, Duration.ofMinutes(1)));
    private final RateLimitPolicy api = RateLimitPolicy.of("api", Limit.fixedWindow(5, Duration.ofMinutes(1)));

    private double errors(String policy, String cause) {
        return registry.get("ratelimit.redis.errors")
                .tags("policy", policy, "cause", cause)
                .counter()
                .count();
    }

    private double transitionsTo(String state) {
        return registry.get("ratelimit.redis.circuit.transitions")
                .tag("state", state)
                .counter()
                .count();
    }

    @Test
    void storeListenerCountsErrorsByPolicyAndCause() {
        StoreListener listener = RateLimiterMetrics.storeListener(registry);

        listener.onStoreError(login, StoreErrorCause.TIMEOUT);
        listener.onStoreError(login, StoreErrorCause.TIMEOUT);
        listener.onStoreError(login, StoreErrorCause.CONNECTION);
        listener.onStoreError(api, StoreErrorCause.TIMEOUT);

        assertThat(errors("login", "timeout")).isEqualTo(2);
        assertThat(errors("login", "connection")).isEqualTo(1);
        assertThat(errors("api", "timeout")).isEqualTo(1);
    }

    @Test
    void storeListenerCountsCircuitTransitionsByTargetState() {
        StoreListener listener = RateLimiterMetrics.storeListener(registry);

        listener.onCircuitStateChange(CircuitState.CLOSED, CircuitState.OPEN);
        listener.onCircuitStateChange(CircuitState.OPEN, CircuitState.HALF_OPEN);
        listener.onCircuitStateChange(CircuitState.HALF_OPEN, CircuitState.OPEN);

        assertThat(transitionsTo("open")).isEqualTo(2);
        assertThat(transitionsTo("half_open")).isEqualTo(1);
        assertThat(transitionsTo("closed")).isZero();
    }

    @Test
    void circuitStateGaugeReadsTheCurrentState() {
        AtomicReference<CircuitState> state = new AtomicReference<>(CircuitState.CLOSED);
        RateLimiterMetrics.bindCircuitState(registry, state::get);

        assertThat(registry.get("ratelimit.redis.circuit.state").gauge().value())
                .isZero();
        state.set(CircuitState.HALF_OPEN);
        assertThat(registry.get("ratelimit.redis.circuit.state").gauge().value())
                .isEqualTo(1);
        state.set(CircuitState.OPEN);
        System.gc(); // the gauge holds the method reference strongly: it must survive a collection
        assertThat(registry.get("ratelimit.redis.circuit.state").gauge().value())
                .isEqualTo(2);
    }

    @Test
    void keyCountGaugeAndEvictionCountersReadTheEngine() {
        ManualTimeSource time = new ManualTimeSource();
        try (InMemoryEngine engine = InMemoryEngine.builder().timeSource(time).build()) {
            RateLimiterMetrics.bindKeyCount(registry, engine);
            RateLimiter limiter = engine.limiter(login);

            for (int i = 0; i < 7; i++) {
                limiter.acquire("user-" + i);
            }
            assertThat(keys()).isEqualTo(7);
            assertThat(evictions("fresh")).isZero();

            time.advance(Duration.ofMinutes(2)); // every window expired: all keys are fresh
            engine.sweep();

            assertThat(keys()).isZero();
            assertThat(evictions("fresh")).isEqualTo(7).isEqualTo((double) engine.evictedKeys());
            assertThat(evictions("active")).isZero().isEqualTo((double) engine.evictedActiveKeys());
            assertThat(registry.get("ratelimit.keys").gauge().getId().getTag("engine"))
                    .isEqualTo("memory");
        }
    }

    private double keys() {
        return registry.get("ratelimit.keys").gauge().value();
    }

    private double evictions(String kind) {
        return registry.get("ratelimit.evictions")
                .tag("kind", kind)
                .functionCounter()
                .count();
    }

    @Test
    void describesEveryMeter() {
        RateLimiterMetrics.storeListener(registry).onStoreError(login, StoreErrorCause.SCRIPT);
        RateLimiterMetrics.bindCircuitState(registry, () -> CircuitState.CLOSED);
        RateLimiterMetrics.bindKeyCount(registry, InMemoryEngine.create());

        assertThat(registry.getMeters())
                .hasSize(8)
                .extracting(Meter::getId)
                .allSatisfy(
                        id -> assertThat(id.getDescription()).as(id.getName()).isNotBlank());
    }

    @Test
    void rejectsMissingArgumentsNamingThem() {
        assertThatNullPointerException()
                .isThrownBy(() -> RateLimiterMetrics.storeListener(null))
                .withMessage("registry");
        assertThatNullPointerException()
                .isThrownBy(() -> RateLimiterMetrics.bindCircuitState(registry, null))
                .withMessage("state");
        assertThatNullPointerException()
                .isThrownBy(() -> RateLimiterMetrics.bindKeyCount(registry, null))
                .withMessage("engine");
    }
}
