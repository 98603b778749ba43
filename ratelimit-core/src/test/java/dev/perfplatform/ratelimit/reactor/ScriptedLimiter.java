package dev.perfplatform.ratelimit.reactor;

import dev.perfplatform.ratelimit.Decision;
import dev.perfplatform.ratelimit.Limit;
import dev.perfplatform.ratelimit.RateLimitPolicy;
import dev.perfplatform.ratelimit.RateLimiter;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/** A limiter whose asynchronous answers are scripted by the test, counting how often it is asked. */
final class ScriptedLimiter implements RateLimiter {

    static final RateLimitPolicy POLICY = RateLimitPolicy.of("scripted", Limit.fixedWindow(10, Duration.ofSeconds(1)));

    final AtomicInteger calls = new AtomicInteger();
    private final Deque<Supplier<CompletionStage<Decision>>> answers = new ArrayDeque<>();

    ScriptedLimiter then(Supplier<CompletionStage<Decision>> answer) {
        answers.add(answer);
        return this;
    }

    static Decision denial(Duration retryAfter) {
        return Decision.denied(POLICY, 0, 1, 0, 1_000_000, retryAfter.toNanos() / 1_000);
    }

    @Override
    public RateLimitPolicy policy() {
        return POLICY;
    }

    @Override
    public CompletionStage<Decision> acquireAsync(String key, long permits) {
        calls.incrementAndGet();
        Supplier<CompletionStage<Decision>> answer = answers.size() > 1 ? answers.poll() : answers.peek();
        return answer.get();
    }

    @Override
    public Decision acquire(String key, long permits) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Decision acquire(String key, long permits, Duration maxWait) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Decision peek(String key) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void reset(String key) {
        throw new UnsupportedOperationException();
    }
}
