package dev.perfplatform.ratelimit;

import java.util.Locale;

/** Why a remote store call failed, as told to {@link StoreListener#onStoreError}. */
public enum StoreErrorCause {
    /** No answer within the command timeout. */
    TIMEOUT,
    /** The store could not be reached: not connected, connection refused, lost or reset. */
    CONNECTION,
    /** The store answered with an error (the script failed or was refused). */
    SCRIPT,
    /** The circuit breaker was open: no call was made. */
    CIRCUIT_OPEN,
    /** Anything else. */
    OTHER;

    private final String tagValue = name().toLowerCase(Locale.ROOT);

    /** The lower-case name used as a metrics tag value: {@code timeout}, {@code circuit_open}, ... */
    public String tagValue() {
        return tagValue;
    }
}
