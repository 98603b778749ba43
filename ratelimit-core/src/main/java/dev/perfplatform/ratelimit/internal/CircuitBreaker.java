package dev.perfplatform.ratelimit.internal;

import dev.perfplatform.ratelimit.CircuitState;
import dev.perfplatform.ratelimit.RateLimitPolicy;
import dev.perfplatform.ratelimit.StoreListener;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Stops paying a timeout on every request while the store is down: after {@code failureThreshold} consecutive
 * failures it opens for {@code openDuration}, during which no call is attempted; then one probe call goes through,
 * and its success closes the circuit while its failure opens it again.
 *
 * <p>A call is admitted with a ticket ({@link #acquire()}) and reports its outcome with it, so an outcome counts only
 * in the period it was admitted in: a call started before the circuit opened can neither close it nor reopen it, nor
 * count against the next closed period. Only the probe closes an open circuit.
 */
public final class CircuitBreaker implements CircuitBreakers {

    /** What {@link #acquire()} returns when no call may go to the store now. */
    public static final long REFUSED = -1;

    private static final int CLOSED = 0;
    private static final int HALF_OPEN = 1;
    private static final int OPEN = 2;
    private static final int STATE_BITS = 2;
    private static final long STATE_MASK = (1 << STATE_BITS) - 1;

    private final int failureThreshold;
    private final long openNanos;
    private final LongSupplier nanoTime;
    private final StoreListener listener;
    /** The generation (incremented each time the circuit opens) shifted left, then the state: one atomic word. */
    private final AtomicLong word = new AtomicLong(CLOSED);

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

    /**
     * A ticket for a call to the store now, to hand to {@link #onSuccess(long)} or {@link #onFailure(long)} with its
     * outcome; or {@link #REFUSED}. In the open state, the first caller after the pause gets the probe's ticket.
     */
    public long acquire() {
        long current = word.get();
        int state = stateOf(current);
        if (state == CLOSED) {
            return current;
        }
        if (state == OPEN && nanoTime.getAsLong() - openUntilNanos >= 0) {
            long probe = with(current, HALF_OPEN);
            return transition(current, probe) ? probe : REFUSED;
        }
        return REFUSED;
    }

    /** The call admitted with {@code ticket} succeeded: the probe's success closes the circuit. */
    public void onSuccess(long ticket) {
        long current = word.get();
        if (ticket != current) {
            return; // admitted in an earlier period: its outcome says nothing about the store now
        }
        if (stateOf(ticket) == HALF_OPEN) {
            transition(ticket, with(ticket, CLOSED));
        } else if (consecutiveFailures.get() != 0) {
            consecutiveFailures.set(0); // no fence per successful call while nothing fails
        }
    }

    /** The call admitted with {@code ticket} failed: the probe's failure, or the last of too many, opens it. */
    public void onFailure(long ticket) {
        long current = word.get();
        if (ticket != current) {
            return; // admitted before the circuit last changed: already accounted for
        }
        if (stateOf(ticket) == HALF_OPEN || consecutiveFailures.incrementAndGet() >= failureThreshold) {
            open(ticket);
        }
    }

    /** This breaker guards every key. */
    @Override
    public CircuitBreaker of(RateLimitPolicy policy, String key) {
        return this;
    }

    /** Opens the circuit now, whatever the count of failures: the store is known to be unreachable. */
    @Override
    public void openNow() {
        long current = word.get();
        while (stateOf(current) != OPEN && !open(current)) {
            current = word.get();
        }
    }

    /** Lets the next call probe now instead of at the end of the open period: the store is reachable again. */
    @Override
    public void probeNow() {
        openUntilNanos = nanoTime.getAsLong();
    }

    /** The current state. */
    @Override
    public CircuitState state() {
        return circuitState(word.get());
    }

    /** Empty: one breaker for the whole store. */
    @Override
    public Map<String, CircuitState> states() {
        return Map.of();
    }

    /** Microseconds until the next probe when open, else 0: a retry hint for fail-closed denials. */
    public long microsUntilProbe() {
        long remaining = openUntilNanos - nanoTime.getAsLong();
        return stateOf(word.get()) == OPEN && remaining > 0 ? remaining / 1_000 : 0;
    }

    /** Whether a call may go to the store now; for outcomes known before the state can change (tests). */
    boolean tryAcquire() {
        return acquire() != REFUSED;
    }

    /** {@link #onSuccess(long)} for a call admitted in the current period (tests). */
    void onSuccess() {
        onSuccess(word.get());
    }

    /** {@link #onFailure(long)} for a call admitted in the current period (tests). */
    void onFailure() {
        onFailure(word.get());
    }

    private boolean open(long from) {
        openUntilNanos = nanoTime.getAsLong() + openNanos;
        long opened = (((from >>> STATE_BITS) + 1) << STATE_BITS) | OPEN;
        return transition(from, opened);
    }

    private boolean transition(long from, long to) {
        if (!word.compareAndSet(from, to)) {
            return false;
        }
        if (stateOf(to) == CLOSED) {
            consecutiveFailures.set(0);
        }
        listener.onCircuitStateChange(circuitState(from), circuitState(to));
        return true;
    }

    private static int stateOf(long word) {
        return (int) (word & STATE_MASK);
    }

    private static long with(long word, int state) {
        return (word & ~STATE_MASK) | state;
    }

    private static CircuitState circuitState(long word) {
        return switch (stateOf(word)) {
            case CLOSED -> CircuitState.CLOSED;
            case HALF_OPEN -> CircuitState.HALF_OPEN;
            default -> CircuitState.OPEN;
        };
    }
}
