package dev.perfplatform.fluxpay.payment;

import dev.perfplatform.fluxpay.order.OrderRepository;
import dev.perfplatform.fluxpay.payment.PaymentRepository.Changes;
import dev.perfplatform.fluxpay.pg.PgOutcome;
import java.util.EnumSet;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Records what the PG said about a pending (IN_PROGRESS or UNKNOWN) payment: the one place a PG outcome becomes a
 * status, for the confirm call, reconciliation and PG webhooks alike. A payment the PG approved and has since canceled
 * in part or in full (while the engine did not know its outcome) becomes DONE, then PARTIAL_CANCELED or CANCELED with
 * the canceled amount as a refund ({@link OutsideCancellations}). Call inside a transaction.
 */
@Component
class PaymentOutcomes {

    private static final Logger log = LoggerFactory.getLogger(PaymentOutcomes.class);
    private static final EnumSet<PaymentStatus> PENDING = EnumSet.of(PaymentStatus.IN_PROGRESS, PaymentStatus.UNKNOWN);

    private final PaymentRepository payments;
    private final OrderRepository orders;
    private final Compensations compensations;
    private final OutsideCancellations outsideCancellations;

    PaymentOutcomes(
            PaymentRepository payments,
            OrderRepository orders,
            Compensations compensations,
            OutsideCancellations outsideCancellations) {
        this.payments = payments;
        this.orders = orders;
        this.compensations = compensations;
        this.outsideCancellations = outsideCancellations;
    }

    /**
     * Applies {@code outcome} to the payment; empty when the payment is no longer pending (someone else resolved it)
     * or when the outcome is still unknown and the payment already is. A secret the PG's answer carried is kept
     * either way (for the PG's webhooks about the payment).
     */
    Mono<Payment> record(Payment payment, PgOutcome outcome, String via) {
        return payments.rememberPgSecret(payment.paymentId(), outcome)
                .then(Mono.defer(() -> apply(payment, outcome, via)));
    }

    private Mono<Payment> apply(Payment payment, PgOutcome outcome, String via) {
        UUID paymentId = payment.paymentId();
        if (outcome instanceof PgOutcome.Approved approved) {
            if (approved.amount() != payment.amount()) {
                log.error("PG approved {} for payment {} of {}", approved.amount(), paymentId, payment.amount());
                return done(payment, approved, via)
                        .flatMap(done -> compensations.mark(
                                done,
                                Compensation.AMOUNT_MISMATCH,
                                approved.amount(),
                                "the PG approved " + approved.amount() + " instead of " + payment.amount()));
            }
            return done(payment, approved, via)
                    .flatMap(done -> orders.markPaid(done.orderId())
                            .flatMap(paid -> paid
                                    ? outsideCancellations
                                            .record(done, approved, via)
                                            .defaultIfEmpty(done)
                                    : compensations.mark(
                                            done,
                                            Compensation.ORDER_NOT_PENDING,
                                            approved.amount(),
                                            "the order was canceled or expired while the payment was confirmed")));
        }
        if (outcome instanceof PgOutcome.Declined declined) {
            return payments.transition(
                    paymentId,
                    PENDING,
                    PaymentStatus.ABORTED,
                    "declined by the PG (" + via + ")",
                    new Changes(null, null, declined.code(), declined.message(), Map.of()));
        }
        PgOutcome.Unknown unknown = (PgOutcome.Unknown) outcome;
        return unknown(payment, "outcome unknown: " + unknown.reason() + " (" + via + ")", Map.of());
    }

    private Mono<Payment> done(Payment payment, PgOutcome.Approved approved, String via) {
        return payments.transition(
                payment.paymentId(),
                PENDING,
                PaymentStatus.DONE,
                "approved by the PG (" + via + ")",
                new Changes(null, approved.approvedAt(), null, null, Map.of("pgAmount", approved.amount())));
    }

    private Mono<Payment> unknown(Payment payment, String cause, Map<String, Object> data) {
        if (payment.status() == PaymentStatus.UNKNOWN) {
            return Mono.empty();
        }
        return payments.transition(
                payment.paymentId(),
                EnumSet.of(PaymentStatus.IN_PROGRESS),
                PaymentStatus.UNKNOWN,
                cause,
                new Changes(null, null, null, null, data));
    }
}
