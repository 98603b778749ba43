package dev.perfplatform.fluxpay.payment;

import dev.perfplatform.fluxpay.payment.PaymentRepository.Changes;
import dev.perfplatform.fluxpay.pg.PgOutcome;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumSet;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Records what the PG canceled of a payment beyond the engine's own refunds (the PG's console, a support call) the way
 * a merchant sees it at the PG: the canceled amount as a SUCCEEDED refund (its {@code refund.succeeded} webhook), then
 * the payment moving to PARTIAL_CANCELED or CANCELED (its event and webhook), logged at error and counted by
 * {@code fluxpay.payments.canceled.outside}. The one place this is done, whether the PG's state came from a confirm,
 * the reconciler or a PG webhook.
 */
@Component
class OutsideCancellations {

    private static final String REFUND_REASON = "canceled at the PG outside fluxpay";
    private static final Logger log = LoggerFactory.getLogger(OutsideCancellations.class);
    private static final EnumSet<PaymentStatus> REFUNDABLE =
            EnumSet.of(PaymentStatus.DONE, PaymentStatus.PARTIAL_CANCELED);

    private final PaymentRepository payments;
    private final OutsideRefunds refunds;
    private final Counter canceledOutside;

    OutsideCancellations(PaymentRepository payments, OutsideRefunds refunds, MeterRegistry meters) {
        this.payments = payments;
        this.refunds = refunds;
        this.canceledOutside = Counter.builder("fluxpay.payments.canceled.outside")
                .description("Payments the PG shows canceled beyond what the engine refunded (recorded as refunds)")
                .register(meters);
    }

    /**
     * Records the PG's cancels of a DONE or PARTIAL_CANCELED {@code payment} (as read in this transaction) that the
     * engine has not refunded; emits the payment as it is then, or empty when there are none (or another process just
     * recorded them). Call inside a transaction that starts after the PG look-up: a refund of the engine's reserves its
     * amount before it calls the PG, so every cancel of the engine's own the look-up saw is already counted in {@code
     * refundedAmount}.
     */
    Mono<Payment> record(Payment payment, PgOutcome.Approved pgState, String via) {
        long outside = pgState.canceledAmount() - payment.refundedAmount();
        if (outside <= 0 || !REFUNDABLE.contains(payment.status())) {
            return Mono.empty();
        }
        PaymentStatus target = pgState.balanceAmount() == 0 ? PaymentStatus.CANCELED : PaymentStatus.PARTIAL_CANCELED;
        return refunds.recordCanceledOutside(payment.paymentId(), payment.refundedAmount(), outside, REFUND_REASON)
                .flatMap(refundId -> payments.transition(
                        payment.paymentId(),
                        REFUNDABLE,
                        target,
                        "PG shows " + outside + " canceled outside the engine (" + via + ")",
                        new Changes(
                                null,
                                null,
                                null,
                                null,
                                Map.of(
                                        "pgCanceledAmount", pgState.canceledAmount(),
                                        "pgBalanceAmount", pgState.balanceAmount(),
                                        "engineRefundedAmount", payment.refundedAmount(),
                                        "refundId", refundId.toString()))))
                .doOnNext(moved -> {
                    canceledOutside.increment();
                    log.error(
                            "payment {}: the PG canceled {} the engine did not refund; recorded as a refund, now {}",
                            payment.paymentId(),
                            outside,
                            moved.status());
                });
    }
}
