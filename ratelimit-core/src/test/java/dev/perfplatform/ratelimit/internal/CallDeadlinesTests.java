package dev.perfplatform.ratelimit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class CallDeadlinesTests {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final CallDeadlines deadlines = new CallDeadlines(Duration.ofMillis(100), now::get);

    @Test
    void failsACallStillRunningAtItsDeadlineAndCancelsWhatItWaitsFor() {
        CompletableFuture<String> source = new CompletableFuture<>();
        CompletableFuture<String> call = deadlines.bound(source.thenApply(reply -> reply), source);

        now.addAndGet(Duration.ofMillis(100).toNanos());
        deadlines.sweep();

        assertThat(call).isCompletedExceptionally();
        assertThatThrownBy(call::get)
                .isInstanceOf(ExecutionException.class)
                .cause()
                .isInstanceOf(TimeoutException.class)
                .hasMessage("no answer within 100 ms");
        assertThat(source).isCancelled();
        assertThat(deadlines.queued()).isZero();
    }

    @Test
    void leavesACallAloneBeforeItsDeadline() {
        CompletableFuture<String> call = new CompletableFuture<>();
        deadlines.bound(call, call);

        now.addAndGet(Duration.ofMillis(99).toNanos());
        deadlines.sweep();

        assertThat(call).isNotDone();
        assertThat(deadlines.queued()).isOne();
        assertThat(call.complete("answer")).isTrue();
    }

    @Test
    void dropsFinishedCallsWithoutWaitingForTheirDeadlines() {
        CompletableFuture<String> first = new CompletableFuture<>();
        CompletableFuture<String> second = new CompletableFuture<>();
        deadlines.bound(first, first);
        deadlines.bound(second, second);
        first.complete("a");
        second.complete("b");

        deadlines.sweep();

        assertThat(deadlines.queued()).isZero();
        assertThat(first).isCompletedWithValue("a");
        assertThat(second).isCompletedWithValue("b");
    }

    @Test
    void expiresCallsInTheOrderTheyStarted() {
        CompletableFuture<String> early = new CompletableFuture<>();
        deadlines.bound(early, early);
        now.addAndGet(Duration.ofMillis(50).toNanos());
        CompletableFuture<String> late = new CompletableFuture<>();
        deadlines.bound(late, late);

        now.addAndGet(Duration.ofMillis(60).toNanos());
        deadlines.sweep();

        assertThat(early).isCompletedExceptionally();
        assertThat(late).isNotDone();
        now.addAndGet(Duration.ofMillis(40).toNanos());
        deadlines.sweep();
        assertThat(late).isCompletedExceptionally();
    }

    @Test
    void doesNotTouchACallThatAnsweredJustBeforeTheSweep() {
        CompletableFuture<String> source = new CompletableFuture<>();
        deadlines.bound(source, source);
        source.complete("answer");

        now.addAndGet(Duration.ofSeconds(1).toNanos());
        deadlines.sweep();

        assertThat(source).isCompletedWithValue("answer").isNotCancelled();
    }

    @Test
    void rejectsANonPositiveTimeout() {
        assertThatThrownBy(() -> new CallDeadlines(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("timeout must be positive but was PT0S");
    }
}
