package dev.perfplatform.fluxpay.pgwebhook;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.perfplatform.fluxpay.pg.PaymentGateway;
import dev.perfplatform.fluxpay.pg.PgOutcome;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The PG look-ups webhooks cause, coalesced per payment, so deliveries with ever new transmission ids cost the
 * operator's PG key at most one look-up per payment per {@link PgWebhookSettings#lookupWindow()}:
 *
 * <ul>
 *   <li>a delivery is answered only by a look-up that started after it was first received, so it is never settled on
 *       a state older than the change it announces: it shares such a look-up, running or done, while its window lasts;
 *   <li>otherwise, if the payment's last look-up started less than a window ago, it waits for the next one, which
 *       starts when the window ends and answers every delivery waiting by then;
 *   <li>otherwise it starts a look-up.
 * </ul>
 *
 * <p>A look-up the PG did not answer is an answer too, for its window: the deliveries it served retry on their
 * backoff, and later attempts share the look-up of their time. A window of 0 turns coalescing off. At most {@link
 * PgWebhookSettings#lookupConcurrency()} look-ups run at once. The windows are kept in memory (per instance, up to
 * {@value #PAYMENTS} payments, the least recently used dropped first), timed by the app's {@link Clock}, the clock
 * receipts are stamped with; the waits are real time.
 */
@Component
class CoalescedLookups implements DisposableBean {

    static final int PAYMENTS = 10_000;

    private final PaymentGateway gateway;
    private final Clock clock;
    private final Duration window;
    private final ConcurrencyLimit limit;
    private final Cache<String, PaymentLookups> payments;

    CoalescedLookups(PaymentGateway gateway, Clock clock, PgWebhookSettings settings) {
        this.gateway = gateway;
        this.clock = clock;
        this.window = settings.lookupWindow();
        this.limit = new ConcurrencyLimit(settings.lookupConcurrency());
        this.payments = Caffeine.newBuilder()
                .maximumSize(PAYMENTS)
                .expireAfterAccess(window.multipliedBy(2).plusSeconds(1))
                .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
                .build();
    }

    /** The PG's view of the payment, from a look-up that started after {@code received}. */
    Mono<PgOutcome> lookup(String paymentKey, Instant received) {
        return Mono.defer(() -> payments.get(paymentKey, PaymentLookups::new).answerFor(received));
    }

    @Override
    public void destroy() {
        limit.dispose();
    }

    /** One payment's last look-up and the one scheduled after it, if any. */
    private final class PaymentLookups {

        private final String paymentKey;
        private @Nullable Lookup last;
        private @Nullable Mono<PgOutcome> next;

        PaymentLookups(String paymentKey) {
            this.paymentKey = paymentKey;
        }

        synchronized Mono<PgOutcome> answerFor(Instant received) {
            Instant now = clock.instant();
            Lookup started = last;
            Mono<PgOutcome> scheduled = next;
            if (started == null || !now.isBefore(started.startedAt().plus(window))) {
                return scheduled != null ? scheduled : start(now);
            }
            if (started.startedAt().isAfter(received)) {
                return started.answer();
            }
            if (scheduled != null) {
                return scheduled;
            }
            Duration wait = Duration.between(now, started.startedAt().plus(window));
            scheduled = Mono.delay(wait).then(Mono.defer(this::startScheduled)).cache();
            next = scheduled;
            return scheduled;
        }

        private synchronized Mono<PgOutcome> startScheduled() {
            next = null;
            return start(clock.instant());
        }

        private Mono<PgOutcome> start(Instant now) {
            Lookup lookup =
                    new Lookup(now, limit.run(gateway.lookup(paymentKey)).cache());
            last = lookup;
            return lookup.answer();
        }
    }

    /** A look-up and when it was started (it reaches the PG then or later). */
    private record Lookup(Instant startedAt, Mono<PgOutcome> answer) {}
}
