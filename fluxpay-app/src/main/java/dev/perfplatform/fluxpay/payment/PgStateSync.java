package dev.perfplatform.fluxpay.payment;

import dev.perfplatform.fluxpay.pg.PgOutcome;
import java.util.EnumSet;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Brings a payment in line with the state the PG reports when looked up, for callbacks that only hint that something
 * changed (the PG's webhooks, which are not signed). Monotonic and conservative:
 *
 * <ul>
 *   <li>a pending payment (IN_PROGRESS, UNKNOWN) takes the PG's definitive answer through {@link PaymentOutcomes},
 *       exactly as a confirm or reconciliation would; a PG that has not settled it yet changes nothing;
 *   <li>a DONE or PARTIAL_CANCELED payment moves on to PARTIAL_CANCELED or CANCELED only when the PG has canceled
 *       more than the engine has refunded or reserved for refunds in flight: money went back outside the engine (the
 *       PG's console, a support call). {@link OutsideCancellations} records the difference as a refund, as the
 *       merchant sees it at the PG;
 *   <li>anything else (a PG state behind the engine's, or contradicting it) changes nothing: a status never moves
 *       backwards. Contradictions are logged at error.
 * </ul>
 *
 * <p>Call inside a transaction that starts after the look-up: a refund reserves its amount before it calls the PG, so
 * every cancel of the engine's own that the look-up saw is already counted in {@code refunded_amount} by then.
 */
@Component
public class PgStateSync {

    private static final Logger log = LoggerFactory.getLogger(PgStateSync.class);
    private static final EnumSet<PaymentStatus> PENDING = EnumSet.of(PaymentStatus.IN_PROGRESS, PaymentStatus.UNKNOWN);

    private final PaymentRepository payments;
    private final PaymentOutcomes outcomes;
    private final OutsideCancellations outsideCancellations;

    PgStateSync(PaymentRepository payments, PaymentOutcomes outcomes, OutsideCancellations outsideCancellations) {
        this.payments = payments;
        this.outcomes = outcomes;
        this.outsideCancellations = outsideCancellations;
    }

    /** Applies the PG's state to the payment; {@code via} names the trigger in the event log. */
    public Mono<Synced> apply(UUID paymentId, PgOutcome pgState, String via) {
        return payments.findAnyMerchant(paymentId)
                .flatMap(payment -> {
                    if (PENDING.contains(payment.status())) {
                        return settle(payment, pgState, via);
                    }
                    Mono<Void> remembered = payments.rememberPgSecret(payment.paymentId(), pgState);
                    if (payment.status() == PaymentStatus.DONE || payment.status() == PaymentStatus.PARTIAL_CANCELED) {
                        return remembered.then(Mono.defer(() -> cancels(payment, pgState, via)));
                    }
                    return remembered.then(Mono.fromSupplier(() -> settled(payment, pgState)));
                })
                .defaultIfEmpty(new Synced(false, "no such payment"));
    }

    private Mono<Synced> settle(Payment payment, PgOutcome pgState, String via) {
        if (pgState instanceof PgOutcome.Unknown unknown) {
            return Mono.just(new Synced(false, "PG has not settled it: " + unknown.reason()));
        }
        return outcomes.record(payment, pgState, via)
                .map(recorded -> new Synced(true, "now " + recorded.status()))
                .defaultIfEmpty(new Synced(false, "already settled"));
    }

    private Mono<Synced> cancels(Payment payment, PgOutcome pgState, String via) {
        if (!(pgState instanceof PgOutcome.Approved approved) || approved.amount() != payment.amount()) {
            log.error("payment {} is {} but the PG shows {}", payment.paymentId(), payment.status(), pgState);
            return Mono.just(new Synced(false, "PG contradicts " + payment.status()));
        }
        if (approved.canceledAmount() <= payment.refundedAmount()) {
            return Mono.just(new Synced(false, "PG agrees with " + payment.status()));
        }
        return outsideCancellations
                .record(payment, approved, via)
                .map(moved -> new Synced(true, "canceled outside the engine, now " + moved.status()))
                .defaultIfEmpty(new Synced(false, "canceled outside the engine, already recorded"));
    }

    /** A payment the PG can no longer move (READY, terminal, or left for a human): only contradictions are worth a log. */
    private static Synced settled(Payment payment, PgOutcome pgState) {
        boolean contradicts = (payment.status() == PaymentStatus.ABORTED || payment.status() == PaymentStatus.EXPIRED)
                ? pgState instanceof PgOutcome.Approved
                : (payment.status() == PaymentStatus.CANCELED
                        && pgState instanceof PgOutcome.Approved approved
                        && approved.balanceAmount() > 0);
        if (contradicts || payment.status() == PaymentStatus.NEEDS_ATTENTION) {
            log.error("payment {} is {} but the PG shows {}", payment.paymentId(), payment.status(), pgState);
        }
        return new Synced(false, "payment is " + payment.status());
    }

    /** Whether the payment changed, and a short why for the caller's records. */
    public record Synced(boolean changed, String detail) {}
}
