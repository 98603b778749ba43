package dev.perfplatform.ratelimit;

/**
 * Callbacks from a remote engine about its store, for metrics and logs. Implementations must be fast and must not
 * throw; they run on the thread that completed the store call.
 */
public interface StoreListener {

    /** A listener that ignores everything. */
    StoreListener NONE = new StoreListener() {};

    /** A store call for {@code policy} failed; the decision then followed the policy's {@link FailurePolicy}. */
    default void onStoreError(RateLimitPolicy policy, StoreErrorCause cause) {}

    /** The circuit breaker in front of the store moved from {@code from} to {@code to}. */
    default void onCircuitStateChange(CircuitState from, CircuitState to) {}
}
