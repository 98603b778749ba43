package dev.perfplatform.ratelimit;

import java.time.Duration;
import java.util.concurrent.CompletionStage;

/**
 * Limits requests per key under one {@link RateLimitPolicy}. Obtain one from an engine; it is thread-safe.
 *
 * <pre>{@code
 * RateLimiter limiter = engine.limiter(RateLimitPolicy.of("login", Limit.fixedWindow(5, Duration.ofMinutes(1))));
 * Decision decision = limiter.acquire(username);            // never blocks on the limit itself
 * limiter.acquireAsync(username, 1).thenAccept(...);        // the Redis engine never blocks a thread
 * limiter.acquire("openai", 1, Duration.ofMillis(500));    // waits up to 500 ms for a permit (outbound calls)
 * }</pre>
 *
 * <p>Arguments are checked: an empty key, {@code permits <= 0} or more permits than the smallest capacity of the
 * policy throw {@link IllegalArgumentException} naming the bad value.
 */
public interface RateLimiter {

    /** The policy this limiter enforces. */
    RateLimitPolicy policy();

    /** Asks for one permit for {@code key}. */
    default Decision acquire(String key) {
        return acquire(key, 1);
    }

    /** Asks for {@code permits} permits for {@code key}; nothing is consumed when the answer is a denial. */
    Decision acquire(String key, long permits);

    /** {@link #acquire(String, long)} without blocking the calling thread on I/O. */
    CompletionStage<Decision> acquireAsync(String key, long permits);

    /**
     * Asks for {@code permits} and, while denied, waits for the announced retry time and asks again, for at most
     * {@code maxWait} in all. Returns the last decision: admitted, or denied when the wait would exceed the bound.
     * Waiters are not queued fairly.
     *
     * @throws InterruptedException when the thread is interrupted while waiting (the flag is cleared, as usual)
     */
    Decision acquire(String key, long permits, Duration maxWait) throws InterruptedException;

    /** What a request for one permit would get now, without consuming anything. */
    Decision peek(String key);

    /** Forgets the state of {@code key}: its next request starts from a full quota. */
    void reset(String key);
}
