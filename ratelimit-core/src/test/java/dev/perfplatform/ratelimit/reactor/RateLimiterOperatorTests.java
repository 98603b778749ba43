package dev.perfplatform.ratelimit.reactor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import dev.perfplatform.ratelimit.Decision;
import dev.perfplatform.ratelimit.Limit;
import dev.perfplatform.ratelimit.RateLimitExceededException;
import dev.perfplatform.ratelimit.RateLimitPolicy;
import dev.perfplatform.ratelimit.RateLimiter;
import dev.perfplatform.ratelimit.TimeSource;
import dev.perfplatform.ratelimit.memory.InMemoryEngine;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import reactor.test.publisher.PublisherProbe;
import reactor.test.scheduler.VirtualTimeScheduler;

class RateLimiterOperatorTests {

    /** The limiter's clock is Reactor's virtual clock, so waiting on a Reactor timer moves both. */
    private final VirtualTimeScheduler virtualTime = VirtualTimeScheduler.create();

    private final TimeSource clock = () -> 1_767_225_600_000_000L + virtualTime.now(TimeUnit.MICROSECONDS);
    private final InMemoryEngine engine =
            InMemoryEngine.builder().timeSource(clock).build();

    @AfterEach
    void closeEngine() {
        engine.close();
        VirtualTimeScheduler.reset();
    }

    private RateLimiter limiter(Limit limit) {
        return engine.limiter(RateLimitPolicy.of("api", limit));
    }

    @Test
    void passesValuesThroughWhenAdmitted() {
        RateLimiter limiter = limiter(Limit.fixedWindow(5, Duration.ofMinutes(1)));

        StepVerifier.create(Mono.just("answer").transformDeferred(RateLimiterOperator.of(limiter, "openai")))
                .expectNext("answer")
                .verifyComplete();
        assertThat(limiter.peek("openai").remaining()).isEqualTo(4);
    }

    @Test
    void deniesWithTheDecisionAndNeverSubscribesUpstream() {
        RateLimiter limiter = limiter(Limit.fixedWindow(1, Duration.ofMinutes(1)));
        limiter.acquire("openai");
        PublisherProbe<String> upstream = PublisherProbe.of(Mono.just("answer"));

        StepVerifier.create(upstream.mono().transformDeferred(RateLimiterOperator.of(limiter, "openai")))
                .expectErrorSatisfies(error -> {
                    assertThat(error).isInstanceOf(RateLimitExceededException.class);
                    Decision decision = ((RateLimitExceededException) error).decision();
                    assertThat(decision.isAllowed()).isFalse();
                    assertThat(decision.policy().name()).isEqualTo("api");
                    assertThat(decision.retryAfter()).isPositive();
                })
                .verify();
        upstream.assertWasNotSubscribed();
    }

    @Test
    void signalsADenialWithoutAStackTrace() {
        RateLimiter limiter = limiter(Limit.fixedWindow(1, Duration.ofMinutes(1)));
        limiter.acquire("openai");

        StepVerifier.create(Mono.just("answer").transformDeferred(RateLimiterOperator.of(limiter, "openai")))
                .expectErrorSatisfies(error -> assertThat(error.getStackTrace())
                        .as("a denial is an answer: no stack walked per denial")
                        .isEmpty())
                .verify();
    }

    @Test
    void aFluxCostsItsPermitsOncePerSubscription() {
        RateLimiter limiter = limiter(Limit.fixedWindow(5, Duration.ofMinutes(1)));

        StepVerifier.create(Flux.range(1, 10).transformDeferred(RateLimiterOperator.of(limiter, "export", 3)))
                .expectNextCount(10)
                .verifyComplete();
        assertThat(limiter.peek("export").remaining()).isEqualTo(2);
        StepVerifier.create(Flux.range(1, 10).transformDeferred(RateLimiterOperator.of(limiter, "export", 3)))
                .expectError(RateLimitExceededException.class)
                .verify();
    }

    @Test
    void admitsShadowModeDecisions() {
        RateLimiter limiter = engine.limiter(RateLimitPolicy.builder("shadow")
                .limit(Limit.fixedWindow(1, Duration.ofMinutes(1)))
                .shadow(true)
                .build());
        limiter.acquire("openai");

        StepVerifier.create(Mono.just("answer").transformDeferred(RateLimiterOperator.of(limiter, "openai")))
                .expectNext("answer")
                .verifyComplete();
    }

    @Test
    void waitingAdmitsOnceTheRetryTimeHasPassed() {
        RateLimiter limiter = limiter(Limit.tokenBucket(1, 1, Duration.ofSeconds(1)));
        limiter.acquire("openai");
        PublisherProbe<String> upstream = PublisherProbe.of(Mono.just("answer"));

        StepVerifier.withVirtualTime(
                        () -> upstream.mono()
                                .transformDeferred(RateLimiterOperator.of(limiter, "openai")
                                        .waitingUpTo(Duration.ofMillis(1500))),
                        () -> virtualTime,
                        Long.MAX_VALUE)
                .expectSubscription()
                .expectNoEvent(Duration.ofMillis(999))
                .then(upstream::assertWasNotSubscribed)
                .thenAwait(Duration.ofMillis(1))
                .expectNext("answer")
                .verifyComplete();
        upstream.assertWasSubscribed();
    }

    @Test
    void waitingFailsAtOnceWhenTheRetryTimeExceedsTheBudget() {
        RateLimiter limiter = limiter(Limit.tokenBucket(1, 1, Duration.ofSeconds(1)));
        limiter.acquire("openai");

        StepVerifier.withVirtualTime(
                        () -> Mono.just("answer")
                                .transformDeferred(RateLimiterOperator.of(limiter, "openai")
                                        .waitingUpTo(Duration.ofMillis(500))),
                        () -> virtualTime,
                        Long.MAX_VALUE)
                .expectSubscription()
                .expectError(RateLimitExceededException.class)
                .verify();
        assertThat(virtualTime.now(TimeUnit.MILLISECONDS)).isZero();
    }

    @Test
    void waitingGivesUpWhenTheNextWaitWouldExceedTheBudget() {
        Decision denial = ScriptedLimiter.denial(Duration.ofSeconds(1));
        ScriptedLimiter limiter = new ScriptedLimiter().then(() -> CompletableFuture.completedFuture(denial));

        StepVerifier.withVirtualTime(
                        () -> Mono.just("answer")
                                .transformDeferred(RateLimiterOperator.of(limiter, "openai")
                                        .waitingUpTo(Duration.ofMillis(1500))),
                        () -> virtualTime,
                        Long.MAX_VALUE)
                .expectSubscription()
                .expectNoEvent(Duration.ofMillis(999))
                .thenAwait(Duration.ofMillis(1))
                .expectErrorSatisfies(error -> assertThat(((RateLimitExceededException) error).decision())
                        .isSameAs(denial))
                .verify();
        assertThat(limiter.calls).hasValue(2);
    }

    @Test
    void asksAgainOnEveryResubscription() {
        RateLimiter limiter = limiter(Limit.fixedWindow(2, Duration.ofMinutes(1)));
        AtomicInteger upstreamCalls = new AtomicInteger();

        StepVerifier.create(Mono.fromCallable(upstreamCalls::incrementAndGet)
                        .transformDeferred(RateLimiterOperator.of(limiter, "openai"))
                        .repeat(5))
                .expectNext(1, 2)
                .expectError(RateLimitExceededException.class)
                .verify();
        assertThat(upstreamCalls).hasValue(2);

        ScriptedLimiter denying = new ScriptedLimiter()
                .then(() -> CompletableFuture.completedFuture(ScriptedLimiter.denial(Duration.ofSeconds(1))));
        StepVerifier.create(Mono.just("answer")
                        .transformDeferred(RateLimiterOperator.of(denying, "openai"))
                        .retry(2))
                .expectError(RateLimitExceededException.class)
                .verify();
        assertThat(denying.calls).hasValue(3);
    }

    @Test
    void cancellingBeforeTheDecisionNeverSubscribesUpstream() {
        CompletableFuture<Decision> pending = new CompletableFuture<>();
        ScriptedLimiter limiter = new ScriptedLimiter().then(() -> pending);
        PublisherProbe<String> upstream = PublisherProbe.of(Mono.just("answer"));

        StepVerifier.create(upstream.mono().transformDeferred(RateLimiterOperator.of(limiter, "openai")))
                .expectSubscription()
                .thenCancel()
                .verify();
        pending.complete(Decision.allowed(ScriptedLimiter.POLICY, 0, 1, 9, 1_000_000));

        assertThat(limiter.calls).hasValue(1);
        upstream.assertWasNotSubscribed();
    }

    @Test
    void propagatesErrorsOfTheLimiter() {
        ScriptedLimiter throwing = new ScriptedLimiter().then(() -> {
            throw new IllegalArgumentException("bad key");
        });
        StepVerifier.create(Mono.just("answer").transformDeferred(RateLimiterOperator.of(throwing, "openai")))
                .expectErrorMessage("bad key")
                .verify();

        ScriptedLimiter failing = new ScriptedLimiter()
                .then(() -> CompletableFuture.failedFuture(new IllegalStateException("store down")));
        StepVerifier.create(Flux.just("answer").transformDeferred(RateLimiterOperator.of(failing, "openai")))
                .expectErrorSatisfies(error -> assertThat(error)
                        .isInstanceOf(IllegalStateException.class)
                        .hasMessage("store down"))
                .verify();
    }

    @Test
    void rejectsBadArgumentsNamingThem() {
        RateLimiter limiter = limiter(Limit.fixedWindow(5, Duration.ofMinutes(1)));

        assertThatNullPointerException()
                .isThrownBy(() -> RateLimiterOperator.of(null, "openai"))
                .withMessageContaining("limiter");
        assertThatNullPointerException()
                .isThrownBy(() -> RateLimiterOperator.of(limiter, null))
                .withMessageContaining("key");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> RateLimiterOperator.of(limiter, ""))
                .withMessageContaining("key");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> RateLimiterOperator.of(limiter, "openai", 0))
                .withMessageContaining("permits");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> RateLimiterOperator.of(limiter, "openai", 6))
                .withMessageContaining("permits");
        assertThatNullPointerException()
                .isThrownBy(() -> RateLimiterOperator.of(limiter, "openai").waitingUpTo(null))
                .withMessageContaining("maxWait");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> RateLimiterOperator.of(limiter, "openai").waitingUpTo(Duration.ofMillis(-1)))
                .withMessageContaining("maxWait");
    }
}
