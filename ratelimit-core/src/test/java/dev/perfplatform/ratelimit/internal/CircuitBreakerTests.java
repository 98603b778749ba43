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

    private void open() {
        for (int i = 0; i < 3; i++) {
            breaker.onFailure();
        }
    }
}
