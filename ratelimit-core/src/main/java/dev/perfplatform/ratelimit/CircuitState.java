package dev.perfplatform.ratelimit;

/** The state of the circuit breaker in front of a remote store. */
public enum CircuitState {
    /** Calls go to the store. */
    CLOSED,
    /** The store failed repeatedly: calls are not attempted, the failure policy decides. */
    OPEN,
    /** After the open period: one probe call goes to the store; success closes, failure opens again. */
    HALF_OPEN
}
