package dev.perfplatform.testing.internal;

/** No usable server of a required kind: fails the test class with a message that says how to provide one. */
public final class EngineUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    EngineUnavailableException(String message) {
        super(message);
    }
}
