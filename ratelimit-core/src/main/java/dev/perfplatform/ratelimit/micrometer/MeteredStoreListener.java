package dev.perfplatform.ratelimit.micrometer;

import dev.perfplatform.ratelimit.CircuitState;
import dev.perfplatform.ratelimit.RateLimitPolicy;
import dev.perfplatform.ratelimit.StoreErrorCause;
import dev.perfplatform.ratelimit.StoreListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Counts store errors by policy and cause, and circuit transitions by target state. */
final class MeteredStoreListener implements StoreListener {

    private final MeterRegistry registry;
    /** Error counters by policy name, then cause: an outage errors on every request, so lookups must be cheap. */
    private final Map<String, Map<StoreErrorCause, Counter>> errors = new ConcurrentHashMap<>();

    private final Map<CircuitState, Counter> transitions = new EnumMap<>(CircuitState.class);

    MeteredStoreListener(MeterRegistry registry) {
        this.registry = registry;
        for (CircuitState state : CircuitState.values()) {
            transitions.put(
                    state,
                    Counter.builder("ratelimit.redis.circuit.transitions")
                            .description("Transitions of the circuit breaker in front of Redis, per target state")
                            .baseUnit("transitions")
                            .tag("state", state.name().toLowerCase(Locale.ROOT))
                            .register(registry));
        }
    }

    @Override
    public void onStoreError(RateLimitPolicy policy, StoreErrorCause cause) {
        Map<StoreErrorCause, Counter> byCause = errors.get(policy.name());
        if (byCause == null) {
            byCause = errors.computeIfAbsent(policy.name(), name -> new ConcurrentHashMap<>());
        }
        Counter counter = byCause.get(cause);
        if (counter == null) {
            counter = byCause.computeIfAbsent(cause, c -> errorCounter(policy.name(), c));
        }
        counter.increment();
    }

    @Override
    public void onCircuitStateChange(CircuitState from, CircuitState to) {
        Counter counter = transitions.get(to);
        if (counter != null) {
            counter.increment();
        }
    }

    private Counter errorCounter(String policy, StoreErrorCause cause) {
        return Counter.builder("ratelimit.redis.errors")
                .description("Failed Redis calls of the rate limiter, per policy and cause; the failure policy decided")
                .baseUnit("errors")
                .tag("policy", policy)
                .tag("cause", cause.tagValue())
                .register(registry);
    }
}
