package dev.perfplatform.fluxpay.payment;

import dev.perfplatform.fluxpay.payment.PaymentRepository.Changes;
import dev.perfplatform.fluxpay.payment.PaymentRepository.PendingCompensation;
import dev.perfplatform.fluxpay.pg.PaymentGateway;
import dev.perfplatform.fluxpay.pg.PgOutcome;
import java.util.EnumSet;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * The saga's compensating step. A payment the PG approved but the engine cannot keep is first marked (in the
 * transaction that records it DONE), then cancelled in full at the PG with the key {@code compensate-<paymentId>} —
 * the same key on every attempt, so a retry after a crash or a lost answer can never cancel twice — and finally
 * recorded CANCELED. An unknown answer is retried by the reconciler on its backoff; a refusal needs a human.
 */
@Component
class Compensations {

    private static final Logger log = LoggerFactory.getLogger(Compensations.class);
    /** Toss's answer to a cancel of a payment already fully cancelled: what the compensation wanted. */
    private static final String ALREADY_CANCELED = "ALREADY_CANCELED_PAYMENT";

    private final PaymentRepository payments;
    private final PaymentGateway gateway;
    private final TransactionalOperator transactions;
    private final ReconcilerSettings settings;
    private final SagaBoundaries boundaries;

    Compensations(
            PaymentRepository payments,
            PaymentGateway gateway,
            TransactionalOperator transactions,
            ReconcilerSettings settings,
            ObjectProvider<SagaBoundaries> boundaries) {
        this.payments = payments;
        this.gateway = gateway;
        this.transactions = transactions;
        this.settings = settings;
        this.boundaries = boundaries.getIfAvailable(() -> SagaBoundaries.NONE);
    }

    /**
     * Marks a DONE payment for compensation of {@code pgAmount} (what the PG holds), with {@code message} as the
     * payment's failure; call in the transaction that recorded it DONE.
     */
    Mono<Payment> mark(Payment done, Compensation reason, long pgAmount, String message) {
        log.warn("payment {} approved by the PG but not kept ({}): compensating", done.paymentId(), reason);
        return payments.markForCompensation(done.paymentId(), reason, pgAmount, message, settings.backoff(0));
    }

    /** Runs the payment's pending compensation, if it has one; emits the payment once it changed. */
    Mono<Payment> runIfPending(UUID paymentId) {
        return payments.pendingCompensation(paymentId).flatMap(this::run);
    }

    private Mono<Payment> run(PendingCompensation pending) {
        UUID paymentId = pending.paymentId();
        return boundaries
                .pass(SagaBoundary.BEFORE_COMPENSATION)
                .then(gateway.cancel(
                        pending.paymentKey(),
                        pending.amount(),
                        pending.amount(),
                        "compensation: " + pending.reason(),
                        "compensate-" + paymentId))
                .flatMap(outcome -> transactions.transactional(apply(pending, outcome)));
    }

    private Mono<Payment> apply(PendingCompensation pending, PgOutcome outcome) {
        UUID paymentId = pending.paymentId();
        if (outcome instanceof PgOutcome.Approved
                || (outcome instanceof PgOutcome.Declined declined
                        && declined.code().equals(ALREADY_CANCELED))) {
            return payments.transition(
                    paymentId,
                    EnumSet.of(PaymentStatus.DONE),
                    PaymentStatus.CANCELED,
                    "compensated: " + pending.reason() + " (cancelled " + pending.amount() + " at the PG)",
                    new Changes(null, null, null, null, Map.of("pgAmount", pending.amount())));
        }
        if (outcome instanceof PgOutcome.Declined declined) {
            log.error("payment {}: the PG refused its compensation: {}", paymentId, declined.code());
            return payments.transition(
                            paymentId,
                            EnumSet.of(PaymentStatus.DONE),
                            PaymentStatus.NEEDS_ATTENTION,
                            "compensation refused by the PG: " + declined.code() + " " + declined.message(),
                            Changes.none())
                    .flatMap(
                            attention -> payments.releaseCompensation(paymentId).thenReturn(attention));
        }
        return payments.scheduleCheck(paymentId, pending.attempts() + 1, settings.backoff(pending.attempts() + 1))
                .then(Mono.empty());
    }
}
