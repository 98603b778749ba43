package dev.perfplatform.ratelimit.micrometer;

import dev.perfplatform.ratelimit.Decision;
import dev.perfplatform.ratelimit.RateLimitPolicy;
import dev.perfplatform.ratelimit.RateLimiter;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** A limiter answering whatever decision the test sets, synchronously or through a stage the test completes. */
final class FakeLimiter implements RateLimiter {

    private final RateLimitPolicy policy;
    Decision answer;
    CompletableFuture<Decision> pending;

    FakeLimiter(RateLimitPolicy policy, Decision answer) {
        this.policy = policy;
        this.answer = answer;
    }

    @Override
    public RateLimitPolicy policy() {
        return policy;
    }

    @Override
    public Decision acquire(String key, long permits) {
        return answer;
    }

    @Override
    public CompletionStage<Decision> acquireAsync(String key, long permits) {
        return pending != null ? pending : CompletableFuture.completedFuture(answer);
    }

    @Override
    public Decision acquire(String key, long permits, Duration maxWait) {
        return answer;
    }

    @Override
    public Decision peek(String key) {
        return answer;
    }

    @Override
    public void reset(String key) {}
}
