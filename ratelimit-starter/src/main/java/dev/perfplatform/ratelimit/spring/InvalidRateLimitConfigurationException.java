package dev.perfplatform.ratelimit.spring;

import org.jspecify.annotations.Nullable;

/** A {@code ratelimit.*} property is wrong; the message names it and fails application start-up. */
public final class InvalidRateLimitConfigurationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String property;
    private final @Nullable String action;

    /** For {@code property} (its full name), explaining what is wrong. */
    public InvalidRateLimitConfigurationException(String property, @Nullable String problem) {
        this(property, problem, null);
    }

    /** With the action to suggest, when correcting the property's value is not it (a missing dependency). */
    InvalidRateLimitConfigurationException(String property, @Nullable String problem, @Nullable String action) {
        super(property + ": " + (problem == null ? "invalid value" : problem));
        this.property = property;
        this.action = action;
    }

    /** The full name of the bad property. */
    public String property() {
        return property;
    }

    /** What to do, when it is more than correcting {@link #property()}; else null. */
    @Nullable
    String action() {
        return action;
    }
}
