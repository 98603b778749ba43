package dev.perfplatform.ratelimit.internal;

import dev.perfplatform.ratelimit.CircuitState;
import dev.perfplatform.ratelimit.RateLimitPolicy;
import java.util.Collection;
import java.util.Map;

/**
 * The circuit breakers in front of a store: which one guards a key's calls, so that one part's failure (a Redis
 * Cluster master) stays with the keys it serves, and what they say together. A single {@link CircuitBreaker} is the
 * set of one that guards every key.
 */
public interface CircuitBreakers {

    /** The breaker in front of the calls for {@code key} of {@code policy}. */
    CircuitBreaker of(RateLimitPolicy policy, String key);

    /** Opens every circuit now: the store is known to be unreachable. */
    void openNow();

    /** Lets every open circuit probe now instead of at the end of its open period: the store is reachable again. */
    void probeNow();

    /** The worst state among the breakers that guard calls now: open, then half-open, then closed. */
    CircuitState state();

    /** Per part of the store with a breaker of its own (a cluster master, as host:port), its state; else empty. */
    Map<String, CircuitState> states();

    /** The worst of {@code states}; closed when there are none. */
    static CircuitState worst(Collection<CircuitState> states) {
        CircuitState worst = CircuitState.CLOSED;
        for (CircuitState state : states) {
            if (state == CircuitState.OPEN) {
                return state;
            }
            if (state == CircuitState.HALF_OPEN) {
                worst = state;
            }
        }
        return worst;
    }
}
