package dev.perfplatform.fluxpay.pgwebhook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.perfplatform.fluxpay.MutableClock;
import dev.perfplatform.fluxpay.pg.PaymentGateway;
import dev.perfplatform.fluxpay.pg.PgOutcome;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import reactor.core.publisher.Mono;

/** One look-up per payment per window, never an answer that started before the delivery arrived. */
class CoalescedLookupsTests {

    private static final Duration WINDOW = Duration.ofMillis(300);

    private final CountingGateway pg = new CountingGateway();
    private final Clock clock = Clock.systemUTC();

    @Test
    void deliveriesReceivedBeforeALookUpStartedShareIt() {
        CoalescedLookups lookups = lookups(WINDOW);
        Instant received = clock.instant().minusMillis(1);

        List<PgOutcome> answers = Mono.zip(
                        lookups.lookup("pk", received), lookups.lookup("pk", received), lookups.lookup("pk", received))
                .map(all -> List.of(all.getT1(), all.getT2(), all.getT3()))
                .block();

        assertThat(answers).hasSize(3).containsOnly(answers.get(0));
        assertThat(pg.lookups).containsExactly("pk");
        lookups.destroy();
    }

    @Test
    void aDeliveryReceivedAfterALookUpStartedWaitsForTheNextWindowsLookUpWithTheOthers() {
        CoalescedLookups lookups = lookups(WINDOW);
        lookups.lookup("pk", clock.instant().minusMillis(1)).block();
        Instant later = clock.instant();
        long waitStarted = System.nanoTime();

        assertThat(Mono.zip(lookups.lookup("pk", later), lookups.lookup("pk", later))
                        .block(Duration.ofSeconds(5)))
                .isNotNull();

        assertThat(Duration.ofNanos(System.nanoTime() - waitStarted))
                .as("waited for the window to end")
                .isGreaterThanOrEqualTo(WINDOW.minusMillis(50));
        assertThat(pg.lookups).containsExactly("pk", "pk");
        lookups.lookup("other", clock.instant()).block();
        assertThat(pg.lookups).as("another payment has windows of its own").containsExactly("pk", "pk", "other");
        lookups.destroy();
    }

    @Test
    void aLookUpIsSharedForItsWindowOnlyEvenWhenThePgDidNotAnswer() {
        MutableClock time = new MutableClock(Instant.parse("2025-06-01T10:00:00Z"));
        CoalescedLookups lookups = new CoalescedLookups(pg, time, settings(Duration.ofSeconds(10)));
        Instant received = time.instant().minusSeconds(1);
        pg.answer = new PgOutcome.Unknown("ConnectException");

        lookups.lookup("pk", received).block();
        time.advance(Duration.ofSeconds(5));
        PgOutcome retried = lookups.lookup("pk", received).block();
        time.advance(Duration.ofSeconds(5));
        lookups.lookup("pk", received).block();

        assertThat(retried).isEqualTo(pg.answer);
        assertThat(pg.lookups)
                .as("a retry within the window, then one after it")
                .containsExactly("pk", "pk");
        lookups.destroy();
    }

    @Test
    void aWindowOfZeroTurnsCoalescingOff() {
        CoalescedLookups lookups = lookups(Duration.ZERO);
        Instant received = clock.instant().minusMillis(1);

        lookups.lookup("pk", received).block();
        lookups.lookup("pk", received).block();

        assertThat(pg.lookups).containsExactly("pk", "pk");
        lookups.destroy();
    }

    private CoalescedLookups lookups(Duration window) {
        return new CoalescedLookups(pg, clock, settings(window));
    }

    private static PgWebhookSettings settings(Duration window) {
        return new Binder(new MapConfigurationPropertySource(
                        Map.of("fluxpay.pg.webhooks.lookup-window", window.toMillis() + "ms")))
                .bindOrCreate("fluxpay.pg.webhooks", PgWebhookSettings.class);
    }

    /** A PG that answers every look-up at once, with a payment still in progress unless told otherwise. */
    private static final class CountingGateway implements PaymentGateway {

        final ConcurrentLinkedQueue<String> lookups = new ConcurrentLinkedQueue<>();
        volatile PgOutcome answer = new PgOutcome.Unknown("payment is IN_PROGRESS", "IN_PROGRESS");

        @Override
        public Mono<PgOutcome> lookup(String paymentKey) {
            return Mono.fromSupplier(() -> {
                lookups.add(paymentKey);
                return answer;
            });
        }

        @Override
        public Mono<PgOutcome> confirm(String paymentKey, String pgOrderId, long amount, String idempotencyKey) {
            return Mono.error(new UnsupportedOperationException());
        }

        @Override
        public Mono<PgOutcome> cancel(
                String paymentKey, long amount, long refundableAmount, String reason, String idempotencyKey) {
            return Mono.error(new UnsupportedOperationException());
        }

        @Override
        public Mono<PgOutcome> lookupByOrderId(String pgOrderId) {
            return Mono.error(new UnsupportedOperationException());
        }
    }
}
