package dev.perfplatform.ratelimit;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The clock of a limiter, in microseconds, and how it waits. Algorithms never read the system clock themselves;
 * tests pass a source they advance by hand.
 */
public interface TimeSource {

    /** Microseconds since the epoch (or any fixed origin shared by everything that uses this source). */
    long currentMicros();

    /** Waits about {@code micros}; a source controlled by a test advances itself instead. */
    default void sleepMicros(long micros) throws InterruptedException {
        if (micros <= 0) {
            return;
        }
        LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(micros));
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
    }

    /**
     * The system clock: epoch microseconds anchored once at start-up, then advanced by {@link System#nanoTime()} so
     * it never jumps backwards and reading it allocates nothing.
     */
    static TimeSource system() {
        return SystemTimeSource.INSTANCE;
    }
}
