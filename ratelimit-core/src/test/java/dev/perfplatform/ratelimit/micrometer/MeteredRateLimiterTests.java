package dev.perfplatform.ratelimit.micrometer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import dev.perfplatform.ratelimit.Decision;
import dev.perfplatform.ratelimit.Limit;
import dev.perfplatform.ratelimit.ManualTimeSource;
import dev.perfplatform.ratelimit.RateLimitPolicy;
import dev.perfplatform.ratelimit.RateLimiter;
import dev.perfplatform.ratelimit.memory.InMemoryEngine;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MeteredRateLimiterTests {

    private final ManualTimeSource time = new ManualTimeSource();
    private final InMemoryEngine engine =
            InMemoryEngine.builder().timeSource(time).build();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @AfterEach
    void closeEngine() {
        engine.close();
    }

    private RateLimiter instrument(RateLimitPolicy policy) {
        return RateLimiterMetrics.instrument(engine.limiter(policy), registry, engine.kind());
    }

    private double decisions(String policy, String outcome, String mode) {
        return registry.get("ratelimit.decisions")
                .tags("policy", policy, "outcome", outcome, "mode", mode)
                .counter()
                .count();
    }

    private long latencyCount(String policy) {
        return registry.get("ratelimit.latency")
                .tags("policy", policy, "engine", "memory")
                .timer()
                .count();
    }

    @Test
    void countsAllowedAndDeniedDecisions() {
        RateLimiter limiter = instrument(RateLimitPolicy.of("login", Limit.fixedWindow(2, Duration.ofMinutes(1))));

        limiter.acquire("alice");
        limiter.acquire("alice");
        limiter.acquire("alice");

        assertThat(decisions("login", "allowed", "normal")).isEqualTo(2);
        assertThat(decisions("login", "denied", "normal")).isEqualTo(1);
        assertThat(decisions("login", "shadow_denied", "normal")).isZero();
    }

    @Test
    void countsShadowDenials() {
        RateLimiter limiter = instrument(RateLimitPolicy.builder("trial")
                .limit(Limit.fixedWindow(1, Duration.ofMinutes(1)))
                .shadow(true)
                .build());

        limiter.acquire("alice");
        limiter.acquire("alice");

        assertThat(decisions("trial", "allowed", "normal")).isEqualTo(1);
        assertThat(decisions("trial", "shadow_denied", "normal")).isEqualTo(1);
        assertThat(decisions("trial", "denied", "normal")).isZero();
    }

    @Test
    void countsDegradedDecisionsSeparately() {
        RateLimitPolicy policy = RateLimitPolicy.of("api", Limit.fixedWindow(5, Duration.ofMinutes(1)));
        FakeLimiter fake = new FakeLimiter(policy, Decision.degraded(policy, 1, true, 0));
        RateLimiter limiter = RateLimiterMetrics.instrument(fake, registry, "redis");

        limiter.acquire("alice");
        fake.answer = Decision.degraded(policy, 1, false, 1_000_000);
        limiter.acquire("alice");

        assertThat(decisions("api", "allowed", "degraded")).isEqualTo(1);
        assertThat(decisions("api", "denied", "degraded")).isEqualTo(1);
        assertThat(decisions("api", "allowed", "normal")).isZero();
    }

    @Test
    void timesSynchronousAndAsynchronousDecisions() throws Exception {
        RateLimiter limiter = instrument(RateLimitPolicy.of("api", Limit.fixedWindow(5, Duration.ofMinutes(1))));

        limiter.acquire("alice");
        assertThat(latencyCount("api")).isEqualTo(1);
        Decision decision =
                limiter.acquireAsync("alice", 2).toCompletableFuture().get();

        assertThat(decision.isAllowed()).isTrue();
        assertThat(latencyCount("api")).isEqualTo(2);
        assertThat(decisions("api", "allowed", "normal")).isEqualTo(2);
    }

    @Test
    void timesAnAsynchronousDecisionOnlyWhenItsStageCompletes() {
        RateLimitPolicy policy = RateLimitPolicy.of("api", Limit.fixedWindow(5, Duration.ofMinutes(1)));
        FakeLimiter fake = new FakeLimiter(policy, Decision.allowed(policy, 0, 1, 4, 0));
        fake.pending = new CompletableFuture<>();
        RateLimiter limiter = RateLimiterMetrics.instrument(fake, registry, "memory");

        CompletableFuture<Decision> stage = limiter.acquireAsync("alice", 1).toCompletableFuture();
        assertThat(latencyCount("api")).isZero();
        fake.pending.complete(fake.answer);

        assertThat(stage).isCompletedWithValue(fake.answer);
        assertThat(latencyCount("api")).isEqualTo(1);
    }

    @Test
    void boundedWaitCountsOnlyItsFinalDecision() throws InterruptedException {
        RateLimiter limiter = instrument(RateLimitPolicy.of("openai", Limit.tokenBucket(1, 1, Duration.ofSeconds(1))));
        limiter.acquire("openai");

        Decision decision = limiter.acquire("openai", 1, Duration.ofSeconds(2));

        assertThat(decision.isAllowed()).isTrue();
        assertThat(decisions("openai", "allowed", "normal")).isEqualTo(2);
        assertThat(decisions("openai", "denied", "normal")).isZero();
        assertThat(latencyCount("openai")).isEqualTo(1);
    }

    @Test
    void peekAndResetAreNotCounted() {
        RateLimiter limiter = instrument(RateLimitPolicy.of("api", Limit.fixedWindow(5, Duration.ofMinutes(1))));

        assertThat(limiter.peek("alice").remaining()).isEqualTo(5);
        limiter.reset("alice");

        assertThat(registry.get("ratelimit.decisions").counters())
                .allSatisfy(counter -> assertThat(counter.count()).isZero());
        assertThat(latencyCount("api")).isZero();
    }

    @Test
    void neverTagsAMeterWithTheKey() throws Exception {
        RateLimiter limiter = instrument(RateLimitPolicy.of("api", Limit.fixedWindow(1, Duration.ofMinutes(1))));
        String key = "client-4711";

        limiter.acquire(key);
        limiter.acquire(key);
        limiter.acquireAsync(key, 1).toCompletableFuture().get();
        limiter.acquire(key, 1, Duration.ZERO);

        assertThat(registry.getMeters())
                .flatExtracting(meter -> meter.getId().getTags())
                .extracting(Tag::getValue)
                .isNotEmpty()
                .doesNotContain(key);
    }

    @Test
    void describesEveryMeter() {
        instrument(RateLimitPolicy.of("api", Limit.fixedWindow(1, Duration.ofMinutes(1))));

        assertThat(registry.getMeters())
                .hasSize(7)
                .extracting(Meter::getId)
                .allSatisfy(
                        id -> assertThat(id.getDescription()).as(id.getName()).isNotBlank());
    }

    @Test
    void rejectsBadArgumentsNamingThem() {
        RateLimiter limiter = engine.limiter(RateLimitPolicy.of("api", Limit.fixedWindow(1, Duration.ofMinutes(1))));

        assertThatNullPointerException()
                .isThrownBy(() -> RateLimiterMetrics.instrument(null, registry, "memory"))
                .withMessage("limiter");
        assertThatNullPointerException()
                .isThrownBy(() -> RateLimiterMetrics.instrument(limiter, null, "memory"))
                .withMessage("registry");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> RateLimiterMetrics.instrument(limiter, registry, ""))
                .withMessageContaining("engineKind");
    }
}
