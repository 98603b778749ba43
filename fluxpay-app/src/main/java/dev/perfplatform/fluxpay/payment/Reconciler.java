package dev.perfplatform.fluxpay.payment;

import dev.perfplatform.fluxpay.jobs.JobSchedulers;
import dev.perfplatform.fluxpay.payment.PaymentRepository.Changes;
import dev.perfplatform.fluxpay.payment.PaymentRepository.DueCheck;
import dev.perfplatform.fluxpay.pg.PaymentGateway;
import dev.perfplatform.fluxpay.pg.PgOutcome;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Resolves payments whose outcome is unknown or stuck in progress by looking them up at the PG, on the backoff of
 * {@link ReconcilerSettings} (seconds at first, then minutes, hours, daily), and finishes compensations whose PG
 * cancel was interrupted or unanswered; after the give-up age they become NEEDS_ATTENTION. Payments are claimed with {@code FOR UPDATE SKIP LOCKED}, so instances share the work.
 */
@Component
@ConditionalOnBooleanProperty(name = "fluxpay.reconciler.enabled", matchIfMissing = true)
class Reconciler {

    private static final Logger log = LoggerFactory.getLogger(Reconciler.class);
    private static final Duration CLAIM_LEASE = Duration.ofMinutes(1);

    private final PaymentRepository payments;
    private final PaymentOutcomes outcomes;
    private final Compensations compensations;
    private final PaymentGateway gateway;
    private final TransactionalOperator transactions;
    private final ReconcilerSettings settings;

    Reconciler(
            PaymentRepository payments,
            PaymentOutcomes outcomes,
            Compensations compensations,
            PaymentGateway gateway,
            TransactionalOperator transactions,
            ReconcilerSettings settings) {
        this.payments = payments;
        this.outcomes = outcomes;
        this.compensations = compensations;
        this.gateway = gateway;
        this.transactions = transactions;
        this.settings = settings;
    }

    @Scheduled(
            scheduler = JobSchedulers.PG,
            initialDelayString = "${fluxpay.reconciler.interval:5s}",
            fixedDelayString = "${fluxpay.reconciler.interval:5s}")
    void reconcileDue() {
        Long resolved = reconcile().count().block();
        if (resolved != null && resolved > 0) {
            log.info("reconciled {} payments", resolved);
        }
    }

    /**
     * Looks up every due payment once, {@code fluxpay.reconciler.concurrency} at a time; emits those whose status
     * changed. A payment whose check fails is logged and backed off; the rest of the batch goes on.
     */
    Flux<Payment> reconcile() {
        // the claim is read in full first, so its connection goes back to the pool while the checks wait on the PG
        return payments.claimDue(settings.batchSize(), CLAIM_LEASE, settings.giveUpAfter())
                .collectList()
                .flatMapMany(Flux::fromIterable)
                .flatMap(due -> check(due).onErrorResume(failure -> backOff(due, failure)), settings.concurrency());
    }

    private Mono<Payment> backOff(DueCheck due, Throwable failure) {
        Duration wait = settings.backoff(due.attempts() + 1);
        log.warn("checking payment {} failed; next check in {}", due.paymentId(), wait, failure);
        return payments.scheduleCheck(due.paymentId(), due.attempts() + 1, wait)
                .onErrorResume(unrecorded -> {
                    log.warn("payment {} not rescheduled; its claim lease brings it back", due.paymentId());
                    return Mono.empty();
                })
                .then(Mono.empty());
    }

    private Mono<Payment> check(DueCheck due) {
        if (due.giveUp()) {
            return transactions
                    .transactional(payments.transition(
                            due.paymentId(),
                            due.compensating()
                                    ? EnumSet.of(PaymentStatus.DONE)
                                    : EnumSet.of(PaymentStatus.UNKNOWN, PaymentStatus.IN_PROGRESS),
                            PaymentStatus.NEEDS_ATTENTION,
                            "unresolved after " + settings.giveUpAfter(),
                            new Changes(null, null, null, null, Map.of("attempts", due.attempts()))))
                    .doOnNext(
                            payment -> log.error("payment {} needs attention: unresolved at the PG", due.paymentId()));
        }
        if (due.compensating()) {
            return compensations.runIfPending(due.paymentId());
        }
        String paymentKey = due.paymentKey();
        Mono<PgOutcome> outcome =
                paymentKey == null ? gateway.lookupByOrderId(due.paymentId().toString()) : gateway.lookup(paymentKey);
        return outcome.flatMap(result -> transactions
                        .transactional(payments.find(due.merchantId(), due.paymentId())
                                .flatMap(payment -> outcomes.record(payment, result, "reconciliation")))
                        .filter(payment -> payment.status() != PaymentStatus.UNKNOWN))
                .switchIfEmpty(Mono.defer(() -> payments.scheduleCheck(
                                due.paymentId(), due.attempts() + 1, settings.backoff(due.attempts() + 1))
                        .then(Mono.empty())));
    }
}
