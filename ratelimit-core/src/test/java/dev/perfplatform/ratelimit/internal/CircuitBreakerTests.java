package dev.perfplatform.ratelimit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.perfplatform.ratelimit.CircuitState;
import dev.perfplatform.ratelimit.StoreListener;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class CircuitBreakerTests {

    private final AtomicLong nanos = new AtomicLong();
    private final List<CircuitState> changes = new ArrayList<>();
    private final CircuitBreaker breaker =
            new CircuitBreaker(3, Duration.ofSeconds(1), nanos::get, new StoreListener() {
                @Override
                public void onCircuitStateChange(CircuitState from, CircuitState to) {
                    changes.add(to);
                }
            });

    @Test
    void opensAfterConsecutiveFailuresOnly() {
        breaker.onFailure();
        breaker.onFailure();
        breaker.onSuccess();
        breaker.onFailure();
        breaker.onFailure();
        assertThat(breaker.state()).isEqualTo(CircuitState.CLOSED);

        breaker.onFailure();

        assertThat(breaker.state()).isEqualTo(CircuitState.OPEN);
        assertThat(breaker.tryAcquire()).isFalse();
        assertThat(breaker.microsUntilProbe()).isEqualTo(1_000_000);
    }

    @Test
    void letsExactlyOneProbeThroughAfterTheOpenPeriod() {
        open();
        nanos.addAndGet(Duration.ofSeconds(1).toNanos());

        assertThat(breaker.tryAcquire()).isTrue();
        assertThat(breaker.tryAcquire())
                .as("a second caller while the probe is out")
                .isFalse();
        assertThat(breaker.state()).isEqualTo(CircuitState.HALF_OPEN);
    }

    @Test
    void aSuccessfulProbeClosesAndAFailedOneReopens() {
        open();
        nanos.addAndGet(Duration.ofSeconds(1).toNanos());
        breaker.tryAcquire();
        breaker.onFailure();
        assertThat(breaker.state()).isEqualTo(CircuitState.OPEN);

        nanos.addAndGet(Duration.ofSeconds(1).toNanos());
        breaker.tryAcquire();
        breaker.onSuccess();

        assertThat(breaker.state()).isEqualTo(CircuitState.CLOSED);
        assertThat(changes)
                .containsExactly(
                        CircuitState.OPEN,
                        CircuitState.HALF_OPEN,
                        CircuitState.OPEN,
                        CircuitState.HALF_OPEN,
                        CircuitState.CLOSED);
    }

    @Test
    void opensAtOnceWhenTheStoreIsKnownUnreachableAndProbesAtOnceWhenItIsBack() {
        breaker.openNow();
        assertThat(breaker.state()).isEqualTo(CircuitState.OPEN);
        assertThat(breaker.tryAcquire()).isFalse();

        breaker.probeNow();

        assertThat(breaker.tryAcquire())
                .as("the probe goes before the end of the open period")
                .isTrue();
        assertThat(breaker.state()).isEqualTo(CircuitState.HALF_OPEN);
    }

    @Test
    void aCallStartedBeforeTheCircuitOpenedDoesNotCloseIt() {
        long before = breaker.acquire();
        open();

        breaker.onSuccess(before);

        assertThat(breaker.state()).isEqualTo(CircuitState.OPEN);
        assertThat(breaker.acquire()).as("still paused").isEqualTo(CircuitBreaker.REFUSED);
        assertThat(changes).containsExactly(CircuitState.OPEN);
    }

    @Test
    void whileHalfOpenOnlyTheProbeClosesIt() {
        long before = breaker.acquire();
        open();
        nanos.addAndGet(Duration.ofSeconds(1).toNanos());
        long probe = breaker.acquire();

        breaker.onSuccess(before);
        breaker.onFailure(before);

        assertThat(breaker.state())
                .as("an earlier call's outcome neither closes nor reopens")
                .isEqualTo(CircuitState.HALF_OPEN);

        breaker.onSuccess(probe);

        assertThat(breaker.state()).isEqualTo(CircuitState.CLOSED);
        assertThat(changes).containsExactly(CircuitState.OPEN, CircuitState.HALF_OPEN, CircuitState.CLOSED);
    }

    @Test
    void aLateOutcomeOfAnEarlierProbeChangesNothing() {
        open();
        nanos.addAndGet(Duration.ofSeconds(1).toNanos());
        long firstProbe = breaker.acquire();
        breaker.openNow(); // the connection dropped while the probe was out
        nanos.addAndGet(Duration.ofSeconds(1).toNanos());
        long secondProbe = breaker.acquire();

        breaker.onSuccess(firstProbe);
        breaker.onSuccess(firstProbe);

        assertThat(breaker.state()).isEqualTo(CircuitState.HALF_OPEN);
        assertThat(secondProbe).isNotEqualTo(firstProbe);

        breaker.onFailure(secondProbe);

        assertThat(breaker.state()).isEqualTo(CircuitState.OPEN);
        assertThat(changes)
                .containsExactly(
                        CircuitState.OPEN,
                        CircuitState.HALF_OPEN,
                        CircuitState.OPEN,
                        CircuitState.HALF_OPEN,
                        CircuitState.OPEN);
    }

    @Test
    void failuresOfCallsStartedBeforeTheCircuitClosedDoNotCountAgainstIt() {
        long[] before = {breaker.acquire(), breaker.acquire(), breaker.acquire()};
        open();
        nanos.addAndGet(Duration.ofSeconds(1).toNanos());
        breaker.onSuccess(breaker.acquire());

        for (long ticket : before) {
            breaker.onFailure(ticket);
        }
        breaker.onFailure(breaker.acquire());
        breaker.onFailure(breaker.acquire());

        assertThat(breaker.state())
                .as("two failures of calls admitted since it closed, below the threshold of 3")
                .isEqualTo(CircuitState.CLOSED);

        breaker.onFailure(breaker.acquire());

        assertThat(breaker.state()).isEqualTo(CircuitState.OPEN);
    }

    @Test
    void aRefusedCallHasNoTicketAndTheOpenPeriodIsFromTheLastOpening() {
        open();
        nanos.addAndGet(Duration.ofMillis(999).toNanos());

        assertThat(breaker.acquire()).isEqualTo(CircuitBreaker.REFUSED);
        assertThat(breaker.microsUntilProbe()).isEqualTo(1_000);
    }

    private void open() {
        for (int i = 0; i < 3; i++) {
            breaker.onFailure();
        }
    }
}
