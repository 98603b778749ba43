package dev.perfplatform.ratelimit.micrometer;

import dev.perfplatform.ratelimit.Decision;
import dev.perfplatform.ratelimit.RateLimitPolicy;
import dev.perfplatform.ratelimit.RateLimiter;
import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/**
 * A {@link RateLimiter} that counts the decisions of another one and times them; create it with {@link
 * RateLimiterMetrics#instrument(RateLimiter, MeterRegistry, String)}:
 *
 * <pre>{@code
 * RateLimiter limiter = RateLimiterMetrics.instrument(engine.limiter(policy), registry, engine.kind());
 * }</pre>
 *
 * <ul>
 *   <li>{@code ratelimit.decisions} (counter; tags {@code policy}, {@code outcome} = {@code allowed}, {@code denied}
 *       or {@code shadow_denied}, {@code mode} = {@code normal} or {@code degraded}): one per decision of {@link
 *       #acquire(String, long)}, {@link #acquireAsync(String, long)} and {@link #acquire(String, long, Duration)}.
 *   <li>{@code ratelimit.latency} (timer; tags {@code policy}, {@code engine}): how long {@code acquire} took, or
 *       {@code acquireAsync} until its stage completed with a decision. Calls that throw are not recorded.
 * </ul>
 *
 * <p>The bounded wait {@link #acquire(String, long, Duration)} is delegated: it counts only its final decision (a
 * caller admitted after waiting counts once, as allowed) and records no latency, since its time is mostly waiting.
 * {@link #peek(String)} and {@link #reset(String)} are delegated without metrics. The meters are created once, here:
 * the hot path looks nothing up and allocates nothing.
 */
public final class MeteredRateLimiter implements RateLimiter {

    private final RateLimiter delegate;
    private final Clock clock;
    private final Timer latency;
    /** Indexed by {@link #slot(Decision.Outcome, boolean)}. */
    private final Counter[] decisions;

    MeteredRateLimiter(RateLimiter delegate, MeterRegistry registry, String engineKind) {
        this.delegate = delegate;
        this.clock = registry.config().clock();
        String policy = delegate.policy().name();
        this.latency = Timer.builder("ratelimit.latency")
                .description("Time taken by a rate limiter to decide, per policy and engine")
                .tag("policy", policy)
                .tag("engine", engineKind)
                .register(registry);
        this.decisions = new Counter[Decision.Outcome.values().length * 2];
        for (Decision.Outcome outcome : Decision.Outcome.values()) {
            for (boolean degraded : new boolean[] {false, true}) {
                decisions[slot(outcome, degraded)] = Counter.builder("ratelimit.decisions")
                        .description("Rate limiter decisions, per policy, outcome and mode")
                        .baseUnit("decisions")
                        .tag("policy", policy)
                        .tag("outcome", outcome.name().toLowerCase(Locale.ROOT))
                        .tag("mode", degraded ? "degraded" : "normal")
                        .register(registry);
            }
        }
    }

    @Override
    public RateLimitPolicy policy() {
        return delegate.policy();
    }

    @Override
    public Decision acquire(String key, long permits) {
        long start = clock.monotonicTime();
        Decision decision = delegate.acquire(key, permits);
        latency.record(clock.monotonicTime() - start, TimeUnit.NANOSECONDS);
        return count(decision);
    }

    @Override
    public CompletionStage<Decision> acquireAsync(String key, long permits) {
        long start = clock.monotonicTime();
        return delegate.acquireAsync(key, permits).thenApply(decision -> {
            latency.record(clock.monotonicTime() - start, TimeUnit.NANOSECONDS);
            return count(decision);
        });
    }

    @Override
    public Decision acquire(String key, long permits, Duration maxWait) throws InterruptedException {
        return count(delegate.acquire(key, permits, maxWait));
    }

    @Override
    public Decision peek(String key) {
        return delegate.peek(key);
    }

    @Override
    public void reset(String key) {
        delegate.reset(key);
    }

    private Decision count(Decision decision) {
        decisions[slot(decision.outcome(), decision.isDegraded())].increment();
        return decision;
    }

    private static int slot(Decision.Outcome outcome, boolean degraded) {
        int base = switch (outcome) {
            case ALLOWED -> 0;
            case DENIED -> 2;
            case SHADOW_DENIED -> 4;
        };
        return base + (degraded ? 1 : 0);
    }

    @Override
    public String toString() {
        return "MeteredRateLimiter[" + delegate + "]";
    }
}
