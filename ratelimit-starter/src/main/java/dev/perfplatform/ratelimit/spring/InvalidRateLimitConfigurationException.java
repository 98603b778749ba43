package dev.perfplatform.ratelimit.spring;

import org.jspecify.annotations.Nullable;

/** A {@code ratelimit.*} property is wrong; the message names it and fails application start-up. */
public final class InvalidRateLimitConfigurationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String property;

    /** For {@code property} (its full name), explaining what is wrong. */
    public InvalidRateLimitConfigurationException(String property, @Nullable String problem) {
        super(property + ": " + (problem == null ? "invalid value" : problem));
        this.property = property;
    }

    /** The full name of the bad property. */
    public String property() {
        return property;
    }
}
