package dev.perfplatform.ratelimit.internal;

import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/** Helpers for the asynchronous store calls. */
public final class Futures {

    private Futures() {}

    /** The failure inside any {@link CompletionException} wrappers. */
    public static Throwable unwrap(Throwable error) {
        Throwable current = error;
        while (current instanceof CompletionException && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }

    /** Waits for {@code stage}; a failure is rethrown as itself when unchecked, not wrapped. */
    public static <T> T join(CompletionStage<T> stage) {
        try {
            return stage.toCompletableFuture().join();
        } catch (CompletionException e) {
            Throwable cause = unwrap(e);
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw e;
        }
    }
}
