package dev.perfplatform.ratelimit;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A named set of limits checked all-or-nothing: a request is admitted only if every limit admits it, and nothing is
 * consumed otherwise.
 *
 * <pre>{@code
 * RateLimitPolicy api = RateLimitPolicy.builder("api")
 *         .limit(Limit.tokenBucket(10, 10, Duration.ofSeconds(1)))
 *         .limit(Limit.slidingWindowCounter(1_000, Duration.ofHours(1)))
 *         .failurePolicy(FailurePolicy.failOpen())
 *         .build();
 * }</pre>
 */
public final class RateLimitPolicy {

    /** The most limits one policy may hold. */
    public static final int MAX_LIMITS = 8;

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    private final String name;
    private final List<Limit> limits;
    private final boolean shadow;
    private final FailurePolicy failurePolicy;
    private final long maxPermits;
    private final int hash;

    private RateLimitPolicy(Builder builder) {
        this.name = builder.name;
        this.limits = List.copyOf(builder.limits);
        this.shadow = builder.shadow;
        this.failurePolicy = builder.failurePolicy;
        this.maxPermits = limits.stream().mapToLong(Limit::capacity).min().orElse(0);
        this.hash = Objects.hash(name, limits, shadow, failurePolicy); // engines key maps by policy: hash once
    }

    /** Starts a policy named {@code name} ({@code [A-Za-z0-9._:-]}, 1 to 64 characters). */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** A policy with one limit and the defaults. */
    public static RateLimitPolicy of(String name, Limit limit) {
        return builder(name).limit(limit).build();
    }

    /** The name, used in metrics tags, headers and storage keys. */
    public String name() {
        return name;
    }

    /** The limits, in the order given. */
    public List<Limit> limits() {
        return limits;
    }

    /** Whether this policy only reports: it evaluates and counts, but never denies. */
    public boolean isShadow() {
        return shadow;
    }

    /** What to answer when the store fails. */
    public FailurePolicy failurePolicy() {
        return failurePolicy;
    }

    /** The most permits one request may ask for: the smallest capacity of the limits. */
    public long maxPermits() {
        return maxPermits;
    }

    /** A builder holding this policy's settings, to derive a variant. */
    public Builder toBuilder() {
        Builder builder = new Builder(name).shadow(shadow).failurePolicy(failurePolicy);
        limits.forEach(builder::limit);
        return builder;
    }

    /** Checks arguments of a request against this policy, with messages that name the bad value. */
    public void checkRequest(@Nullable String key, long permits) {
        if (key == null || key.isEmpty()) {
            throw new IllegalArgumentException("key must not be empty");
        }
        if (permits <= 0) {
            throw new IllegalArgumentException("permits must be positive but was " + permits);
        }
        if (permits > maxPermits) {
            throw new IllegalArgumentException("permits must be at most " + maxPermits
                    + " (the smallest capacity of policy '" + name + "') but was " + permits);
        }
    }

    @Override
    public boolean equals(@Nullable Object other) {
        if (other == this) {
            return true;
        }
        return other instanceof RateLimitPolicy that
                && hash == that.hash
                && name.equals(that.name)
                && limits.equals(that.limits)
                && shadow == that.shadow
                && failurePolicy.equals(that.failurePolicy);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        return "RateLimitPolicy[" + name + ", " + limits + (shadow ? ", shadow" : "") + ", " + failurePolicy + "]";
    }

    /** Builds a {@link RateLimitPolicy}. */
    public static final class Builder {
        private final String name;
        private final List<Limit> limits = new ArrayList<>();
        private boolean shadow;
        private FailurePolicy failurePolicy = FailurePolicy.failOpen();

        private Builder(String name) {
            Objects.requireNonNull(name, "name");
            if (!NAME.matcher(name).matches()) {
                throw new IllegalArgumentException(
                        "policy name must be 1 to 64 characters of [A-Za-z0-9._:-] but was '" + name + "'");
            }
            this.name = name;
        }

        /** Adds a limit; every limit must admit a request. */
        public Builder limit(Limit limit) {
            limits.add(Objects.requireNonNull(limit, "limit"));
            return this;
        }

        /** Report-only mode: evaluate and count, never deny. */
        public Builder shadow(boolean value) {
            this.shadow = value;
            return this;
        }

        /** What to answer when the store fails; {@link FailurePolicy#failOpen()} by default. */
        public Builder failurePolicy(FailurePolicy value) {
            this.failurePolicy = Objects.requireNonNull(value, "failurePolicy");
            return this;
        }

        /** The policy; fails when it has no limit or more than {@value RateLimitPolicy#MAX_LIMITS}. */
        public RateLimitPolicy build() {
            if (limits.isEmpty() || limits.size() > MAX_LIMITS) {
                throw new IllegalArgumentException("policy '" + name + "' must have between 1 and " + MAX_LIMITS
                        + " limits but has " + limits.size());
            }
            return new RateLimitPolicy(this);
        }
    }
}
