package dev.perfplatform.testing.internal;

import dev.perfplatform.testing.resp.RespClient;
import java.io.UncheckedIOException;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * Bounded polling: every wait in the Redis process helper goes through here, so none can spin forever and every
 * timeout says what it was waiting for and what it saw last.
 */
public final class Waits {

    private static final long POLL_MILLIS = 50;

    private Waits() {}

    /** One attempt of a poll: returns the result, or throws {@link NotYet} (or an I/O or Redis error) to retry. */
    @FunctionalInterface
    public interface Probe<T> {
        T attempt();
    }

    /** Thrown by a {@link Probe} when the condition does not hold yet; its message ends up in the timeout message. */
    public static final class NotYet extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public NotYet(String reason) {
            super(reason, null, false, false);
        }
    }

    /**
     * Calls {@code probe} every 50 ms until it returns, failing with an {@link IllegalStateException} after {@code
     * timeout}. {@link NotYet}, {@link UncheckedIOException} and {@link RespClient.RedisErrorReply} mean "retry";
     * any other exception ends the wait at once.
     */
    public static <T> T await(Duration timeout, String what, Probe<T> probe) {
        long deadline = System.nanoTime() + timeout.toNanos();
        @Nullable RuntimeException last = null;
        while (true) {
            try {
                return probe.attempt();
            } catch (NotYet | UncheckedIOException | RespClient.RedisErrorReply e) {
                last = e;
            }
            if (System.nanoTime() - deadline >= 0) {
                throw new IllegalStateException(
                        "timed out after " + timeout.toMillis() + " ms waiting for " + what + "; last seen: "
                                + last.getMessage(),
                        last);
            }
            sleep(POLL_MILLIS, what);
        }
    }

    /** Sleeps, turning an interrupt into an {@link IllegalStateException} with the interrupt flag set again. */
    public static void sleep(long millis, String what) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + what, e);
        }
    }
}
