package dev.perfplatform.ratelimit.internal;

import dev.perfplatform.ratelimit.CircuitState;
import dev.perfplatform.ratelimit.StoreListener;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;

/**
 * Stops paying a timeout on every request while the store is down: after {@code failureThreshold} consecutive
 * failures it opens for {@code openDuration}, during which no call is attempted; then one probe call goes through,
 * and its success closes the circuit while its failure opens it again.
 */
public final class CircuitBreaker {

    private final int failureThreshold;
    private final long openNanos;
    private final LongSupplier nanoTime;
    private final StoreListener listener;
    private final AtomicReference<CircuitState> state = new AtomicReference<>(CircuitState.CLOSED);
    private final AtomicInteger consecutiveFailures = new AtomicInteger();
    private volatile long openUntilNanos;

    /** A closed breaker; {@code nanoTime} is its clock (real time: the store's outage is real). */
    public CircuitBreaker(int failureThreshold, Duration openDuration, LongSupplier nanoTime, StoreListener listener) {
        if (failureThreshold < 1) {
            throw new IllegalArgumentException("failureThreshold must be positive but was " + failureThreshold);
        }
        if (openDuration.isNegative() || openDuration.isZero()) {
            throw new IllegalArgumentException("openDuration must be positive but was " + openDuration);
        }
        this.failureThreshold = failureThreshold;
        this.openNanos = openDuration.toNanos();
        this.nanoTime = nanoTime;
        this.listener = listener;
    }

    /** Whether a call may go to the store now; in the open state, the first caller after the pause is the probe. */
    public boolean tryAcquire() {
        CircuitState current = state();
        if (current == CircuitState.CLOSED) {
            return true;
        }
        if (current == CircuitState.OPEN && nanoTime.getAsLong() - openUntilNanos >= 0) {
            return transition(CircuitState.OPEN, CircuitState.HALF_OPEN);
        }
        return false;
    }

    /** A store call succeeded. */
    public void onSuccess() {
        if (consecutiveFailures.get() != 0) {
            consecutiveFailures.set(0); // no fence per successful call while nothing fails
        }
        CircuitState current = state();
        if (current != CircuitState.CLOSED) {
            transition(current, CircuitState.CLOSED);
        }
    }

    /** A store call failed. */
    public void onFailure() {
        CircuitState current = state();
        if (current == CircuitState.HALF_OPEN) {
            open(CircuitState.HALF_OPEN);
        } else if (consecutiveFailures.incrementAndGet() >= failureThreshold && current == CircuitState.CLOSED) {
            open(CircuitState.CLOSED);
        }
    }

    /** Opens the circuit now, whatever the count of failures: the store is known to be unreachable. */
    public void openNow() {
        CircuitState current = state();
        if (current != CircuitState.OPEN) {
            open(current);
        }
    }

    /** Lets the next call probe now instead of at the end of the open period: the store is reachable again. */
    public void probeNow() {
        openUntilNanos = nanoTime.getAsLong();
    }

    /** The current state. */
    @SuppressWarnings("NullAway") // NullAway models AtomicReference.get() as nullable; this one only holds constants
    public CircuitState state() {
        return state.get();
    }

    /** Microseconds until the next probe when open, else 0: a retry hint for fail-closed denials. */
    public long microsUntilProbe() {
        long remaining = openUntilNanos - nanoTime.getAsLong();
        return state() == CircuitState.OPEN && remaining > 0 ? remaining / 1_000 : 0;
    }

    private void open(CircuitState from) {
        openUntilNanos = nanoTime.getAsLong() + openNanos;
        transition(from, CircuitState.OPEN);
    }

    private boolean transition(CircuitState from, CircuitState to) {
        if (state.compareAndSet(from, to)) { // enum constants are singletons: identity is equality
            if (to == CircuitState.CLOSED) {
                consecutiveFailures.set(0);
            }
            listener.onCircuitStateChange(from, to);
            return true;
        }
        return false;
    }
}
