package dev.perfplatform.fluxpay.refund;

import dev.perfplatform.fluxpay.jobs.JobSchedulers;
import dev.perfplatform.fluxpay.payment.ReconcilerSettings;
import dev.perfplatform.fluxpay.refund.RefundRepository.DueRefund;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Resolves refunds whose PG answer was lost by re-sending their cancel with the same key, on the reconciler's backoff
 * ({@code fluxpay.reconciler.*}); after the give-up age they become NEEDS_ATTENTION, keeping their reservation.
 * Refunds are claimed with {@code FOR UPDATE SKIP LOCKED}, so instances share the work.
 */
@Component
@ConditionalOnBooleanProperty(name = "fluxpay.reconciler.enabled", matchIfMissing = true)
class RefundReconciler {

    private static final Logger log = LoggerFactory.getLogger(RefundReconciler.class);
    private static final Duration CLAIM_LEASE = Duration.ofMinutes(1);

    private final RefundRepository refunds;
    private final RefundService service;
    private final ReconcilerSettings settings;

    RefundReconciler(RefundRepository refunds, RefundService service, ReconcilerSettings settings) {
        this.refunds = refunds;
        this.service = service;
        this.settings = settings;
    }

    @Scheduled(
            scheduler = JobSchedulers.PG,
            initialDelayString = "${fluxpay.reconciler.interval:5s}",
            fixedDelayString = "${fluxpay.reconciler.interval:5s}")
    void reconcileDue() {
        Long resolved = reconcile().count().block();
        if (resolved != null && resolved > 0) {
            log.info("re-sent {} unknown refunds", resolved);
        }
    }

    /**
     * Re-sends every due refund once, {@code fluxpay.reconciler.concurrency} at a time; emits those handled. A refund
     * whose re-send fails is logged and backed off; the rest of the batch goes on.
     */
    Flux<Refund> reconcile() {
        // the claim is read in full first, so its connection goes back to the pool while the re-sends wait on the PG
        return refunds.claimDue(settings.batchSize(), CLAIM_LEASE, settings.giveUpAfter())
                .collectList()
                .flatMapMany(Flux::fromIterable)
                .flatMap(due -> check(due).onErrorResume(failure -> backOff(due, failure)), settings.concurrency());
    }

    private Mono<Refund> backOff(DueRefund due, Throwable failure) {
        Duration wait = settings.backoff(due.attempts());
        log.warn("re-sending refund {} failed; next try in {}", due.refundId(), wait, failure);
        return refunds.scheduleCheck(due.refundId(), due.attempts() + 1, wait)
                .onErrorResume(unrecorded -> {
                    log.warn("refund {} not rescheduled; its claim lease brings it back", due.refundId());
                    return Mono.empty();
                })
                .then(Mono.empty());
    }

    private Mono<Refund> check(DueRefund due) {
        if (due.giveUp()) {
            return refunds.needsAttention(due.refundId())
                    .doOnNext(refund -> log.error("refund {} needs attention: unresolved at the PG", due.refundId()));
        }
        return service.resolve(due.merchantId(), due.refundId(), due.attempts());
    }
}
