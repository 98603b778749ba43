package dev.perfplatform.fluxpay.refund;

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
            initialDelayString = "${fluxpay.reconciler.interval:5s}",
            fixedDelayString = "${fluxpay.reconciler.interval:5s}")
    void reconcileDue() {
        Long resolved = reconcile().count().block();
        if (resolved != null && resolved > 0) {
            log.info("re-sent {} unknown refunds", resolved);
        }
    }

    /** Re-sends every due refund once; emits those handled. */
    Flux<Refund> reconcile() {
        return refunds.claimDue(settings.batchSize(), CLAIM_LEASE, settings.giveUpAfter())
                .concatMap(this::check);
    }

    private Mono<Refund> check(DueRefund due) {
        if (due.giveUp()) {
            return refunds.needsAttention(due.refundId())
                    .doOnNext(refund -> log.error("refund {} needs attention: unresolved at the PG", due.refundId()));
        }
        return service.resolve(due.merchantId(), due.refundId(), due.attempts());
    }
}
