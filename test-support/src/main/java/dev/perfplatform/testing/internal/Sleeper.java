package dev.perfplatform.testing.internal;

import java.time.Duration;

/** Polling pauses for readiness loops; an interrupt is kept and turned into an unchecked failure. */
public final class Sleeper {

    private Sleeper() {}

    /** Sleeps for {@code pause}, re-setting the interrupt flag and failing if interrupted. */
    public static void sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting", e);
        }
    }
}
