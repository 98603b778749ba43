package dev.perfplatform.ratelimit.internal;

import dev.perfplatform.ratelimit.Decision;
import dev.perfplatform.ratelimit.RateLimitPolicy;
import dev.perfplatform.ratelimit.RateLimiter;
import dev.perfplatform.ratelimit.TimeSource;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletionStage;

/** The {@link RateLimiter} of every engine: checks arguments, applies shadow mode and bounded waiting. */
public final class DefaultRateLimiter implements RateLimiter {

    private final RateLimitPolicy policy;
    private final DecisionStore store;
    private final TimeSource time;

    /** A limiter for {@code policy} deciding through {@code store}; {@code time} paces bounded waits. */
    public DefaultRateLimiter(RateLimitPolicy policy, DecisionStore store, TimeSource time) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.store = Objects.requireNonNull(store, "store");
        this.time = Objects.requireNonNull(time, "time");
    }

    @Override
    public RateLimitPolicy policy() {
        return policy;
    }

    @Override
    public Decision acquire(String key, long permits) {
        policy.checkRequest(key, permits);
        return shadowed(store.decide(policy, key, permits));
    }

    @Override
    public CompletionStage<Decision> acquireAsync(String key, long permits) {
        policy.checkRequest(key, permits);
        CompletionStage<Decision> decision = store.decideAsync(policy, key, permits);
        return policy.isShadow() ? decision.thenApply(Decision::asShadow) : decision; // no extra stage per call
    }

    @Override
    public Decision acquire(String key, long permits, Duration maxWait) throws InterruptedException {
        Objects.requireNonNull(maxWait, "maxWait");
        if (maxWait.isNegative()) {
            throw new IllegalArgumentException("maxWait must not be negative but was " + maxWait);
        }
        long deadline = time.currentMicros() + maxWait.toNanos() / 1_000;
        while (true) {
            Decision decision = acquire(key, permits);
            if (decision.isAllowed()) {
                return decision;
            }
            long wait = decision.retryAfterMicros();
            if (time.currentMicros() + wait > deadline) {
                return decision;
            }
            time.sleepMicros(wait);
        }
    }

    @Override
    public Decision peek(String key) {
        policy.checkRequest(key, 1);
        return store.decide(policy, key, 0);
    }

    @Override
    public void reset(String key) {
        policy.checkRequest(key, 1);
        store.reset(policy, key);
    }

    private Decision shadowed(Decision decision) {
        return policy.isShadow() ? decision.asShadow() : decision;
    }

    @Override
    public String toString() {
        return "RateLimiter[" + policy + "]";
    }
}
