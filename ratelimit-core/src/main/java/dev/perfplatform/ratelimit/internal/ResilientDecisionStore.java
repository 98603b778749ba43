package dev.perfplatform.ratelimit.internal;

import dev.perfplatform.ratelimit.Decision;
import dev.perfplatform.ratelimit.FailurePolicy;
import dev.perfplatform.ratelimit.Limit;
import dev.perfplatform.ratelimit.RateLimitPolicy;
import dev.perfplatform.ratelimit.RateLimiterStoreException;
import dev.perfplatform.ratelimit.StoreErrorCause;
import dev.perfplatform.ratelimit.StoreListener;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A remote store behind a negative cache and circuit breakers (the one of the part of the store that serves the key);
 * when the store fails, times out or the key's circuit is open, the policy's {@link FailurePolicy} decides and the
 * decision is flagged degraded.
 */
public final class ResilientDecisionStore implements DecisionStore {

    private static final long FAIL_CLOSED_RETRY_MICROS = 1_000_000;

    private final DecisionStore remote;
    private final CircuitBreakers breakers;
    private final @Nullable NegativeCache denials;
    private final DecisionStore local;
    private final StoreListener listener;
    private final Function<Throwable, StoreErrorCause> causeOf;
    private final Map<RateLimitPolicy, RateLimitPolicy> scaled = new ConcurrentHashMap<>();

    /**
     * @param remote the store that may fail
     * @param breakers the breakers in front of it, one per part of it that fails on its own
     * @param denials the negative cache, or null to always ask the store
     * @param local the in-memory store used by {@link FailurePolicy.Mode#LOCAL_FALLBACK}
     * @param listener told about every failure
     * @param causeOf classifies a failure of {@code remote}
     */
    public ResilientDecisionStore(
            DecisionStore remote,
            CircuitBreakers breakers,
            @Nullable NegativeCache denials,
            DecisionStore local,
            StoreListener listener,
            Function<Throwable, StoreErrorCause> causeOf) {
        this.remote = remote;
        this.breakers = breakers;
        this.denials = denials;
        this.local = local;
        this.listener = listener;
        this.causeOf = causeOf;
    }

    @Override
    public Decision decide(RateLimitPolicy policy, String key, long permits) {
        return Futures.join(decideAsync(policy, key, permits));
    }

    @Override
    public CompletionStage<Decision> decideAsync(RateLimitPolicy policy, String key, long permits) {
        if (denials != null && permits > 0) {
            Decision cached = denials.lookup(policy, key, permits);
            if (cached != null) {
                return CompletableFuture.completedFuture(cached);
            }
        }
        CircuitBreaker breaker = breakers.of(policy, key);
        long ticket = breaker.acquire();
        if (ticket == CircuitBreaker.REFUSED) {
            return CompletableFuture.completedFuture(
                    degrade(policy, key, permits, StoreErrorCause.CIRCUIT_OPEN, breaker));
        }
        CompletionStage<Decision> call;
        try {
            call = remote.decideAsync(policy, key, permits);
        } catch (RuntimeException e) {
            call = CompletableFuture.failedFuture(e);
        }
        return call.handle((decision, error) -> {
            if (error != null || decision == null) {
                breaker.onFailure(ticket);
                StoreErrorCause cause = error == null ? StoreErrorCause.OTHER : causeOf.apply(Futures.unwrap(error));
                return degrade(policy, key, permits, cause, breaker);
            }
            breaker.onSuccess(ticket);
            if (denials != null && permits > 0) {
                if (decision.isAllowed()) {
                    denials.forget(policy, key); // a smaller request consumed: the cached figures are stale
                } else if (!policy.isShadow()) {
                    denials.remember(policy, key, decision);
                }
            }
            return decision;
        });
    }

    @Override
    public void reset(RateLimitPolicy policy, String key) {
        if (denials != null) {
            denials.forget(policy, key);
        }
        RateLimitPolicy fallbackPolicy = scaled.get(policy);
        if (fallbackPolicy != null) {
            local.reset(fallbackPolicy, key);
        }
        try {
            remote.reset(policy, key);
        } catch (RuntimeException e) {
            throw new RateLimiterStoreException("reset of a key of policy '" + policy.name() + "' failed", e);
        }
    }

    private Decision degrade(
            RateLimitPolicy policy, String key, long permits, StoreErrorCause cause, CircuitBreaker breaker) {
        listener.onStoreError(policy, cause);
        FailurePolicy failure = policy.failurePolicy();
        return switch (failure.mode()) {
            case FAIL_OPEN -> Decision.degraded(policy, permits, true, 0);
            case FAIL_CLOSED ->
                Decision.degraded(
                        policy, permits, false, Math.max(FAIL_CLOSED_RETRY_MICROS, breaker.microsUntilProbe()));
            case LOCAL_FALLBACK ->
                local.decide(scaled.computeIfAbsent(policy, p -> scale(p, failure.localShare())), key, permits)
                        .asDegraded();
        };
    }

    /** {@code policy} with every count multiplied by {@code share} (rounded down, at least 1). */
    static RateLimitPolicy scale(RateLimitPolicy policy, double share) {
        RateLimitPolicy.Builder builder = RateLimitPolicy.builder(policy.name()).shadow(policy.isShadow());
        for (Limit limit : policy.limits()) {
            long capacity = Math.max(1, (long) (limit.capacity() * share));
            long refill = Math.max(1, (long) (limit.refillTokens() * share));
            builder.limit(
                    switch (limit.algorithm()) {
                        case TOKEN_BUCKET -> Limit.tokenBucket(capacity, refill, limit.period());
                        case GCRA -> Limit.gcra(refill, limit.period(), capacity);
                        case FIXED_WINDOW -> Limit.fixedWindow(capacity, limit.period());
                        case SLIDING_WINDOW_COUNTER -> Limit.slidingWindowCounter(capacity, limit.period());
                        case SLIDING_WINDOW_LOG -> Limit.slidingWindowLog(capacity, limit.period());
                    });
        }
        return builder.build();
    }
}
