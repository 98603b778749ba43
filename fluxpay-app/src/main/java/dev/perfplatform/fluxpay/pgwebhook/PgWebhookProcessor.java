package dev.perfplatform.fluxpay.pgwebhook;

import dev.perfplatform.fluxpay.payment.Payment;
import dev.perfplatform.fluxpay.payment.PgStateSync;
import dev.perfplatform.fluxpay.pg.PgOutcome;
import dev.perfplatform.fluxpay.pg.TossPaymentStatus;
import dev.perfplatform.fluxpay.pgwebhook.PgWebhookMetrics.Result;
import dev.perfplatform.fluxpay.pgwebhook.WebhookReceipts.Receipt;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Processes a webhook receipt without trusting its body: finds the engine's payment by the body's paymentKey (else its
 * orderId, which is the engine's payment id), looks that payment up at the PG with the engine's own paymentKey
 * ({@link CoalescedLookups}: one look-up per payment per window, started after the delivery arrived), and hands the
 * PG's answer to {@link PgStateSync}. A PG that gave no usable answer, or any failure, leaves the receipt RECEIVED for
 * another attempt on {@link PgWebhookSettings#retryBackoff()}; after the last it is FAILED.
 */
@Component
class PgWebhookProcessor implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(PgWebhookProcessor.class);

    private final NamedPayments payments;
    private final CoalescedLookups lookups;
    private final PgStateSync sync;
    private final TransactionalOperator transactions;
    private final WebhookReceipts receipts;
    private final PgWebhookSettings settings;
    private final PgWebhookMetrics metrics;
    private final Sinks.Empty<Void> shutdown = Sinks.empty();

    PgWebhookProcessor(
            NamedPayments payments,
            CoalescedLookups lookups,
            PgStateSync sync,
            TransactionalOperator transactions,
            WebhookReceipts receipts,
            PgWebhookSettings settings,
            PgWebhookMetrics metrics) {
        this.payments = payments;
        this.lookups = lookups;
        this.sync = sync;
        this.transactions = transactions;
        this.receipts = receipts;
        this.settings = settings;
        this.metrics = metrics;
    }

    /**
     * Processes in the background, so the PG gets its answer at once, and frees the receipt's place in the
     * {@link ProcessingQueue} when done; stops when the app does.
     */
    void processLater(Receipt receipt, ProcessingQueue.Place place) {
        process(receipt)
                .takeUntilOther(shutdown.asMono())
                .doFinally(signal -> place.free())
                .subscribe(
                        done -> {},
                        failure -> log.error("webhook {} processing stopped", receipt.transmissionId(), failure));
    }

    @Override
    public void destroy() {
        shutdown.tryEmitEmpty();
    }

    /** One attempt at the receipt; the receipt records how it ended or when to try again. */
    Mono<Void> process(Receipt receipt) {
        return decide(receipt)
                .onErrorResume(failure -> Mono.just(new Decision(Verdict.RETRY, "failed: " + failure)))
                .flatMap(decision -> record(receipt, decision));
    }

    private Mono<Decision> decide(Receipt receipt) {
        TossWebhook webhook = receipt.webhook();
        if (webhook.type() == TossWebhook.Type.OTHER || !webhook.namesPayment()) {
            return Mono.just(new Decision(Verdict.IGNORED, "names no payment the engine acts on"));
        }
        return payments.of(webhook).flatMap(payment -> check(receipt, payment)).switchIfEmpty(Mono.fromSupplier(() -> {
            log.info("webhook {} names no payment of this engine", receipt.transmissionId());
            return new Decision(Verdict.IGNORED, "no such payment");
        }));
    }

    private Mono<Decision> check(Receipt receipt, Payment payment) {
        String paymentKey = payment.paymentKey();
        if (paymentKey == null) {
            log.warn(
                    "webhook {} about payment {}, which the engine has not confirmed ({}): ignored",
                    receipt.transmissionId(),
                    payment.paymentId(),
                    payment.status());
            return Mono.just(new Decision(Verdict.IGNORED, "payment is " + payment.status()));
        }
        return lookups.lookup(paymentKey, receipt.received()).flatMap(pgState -> {
            if (pgState instanceof PgOutcome.Unknown unknown && !unknown.pgAnswered()) {
                return Mono.just(new Decision(Verdict.RETRY, "PG look-up: " + unknown.reason()));
            }
            warnIfClaimDisagrees(receipt, payment, pgState);
            return transactions
                    .transactional(sync.apply(payment.paymentId(), pgState, "webhook " + receipt.transmissionId()))
                    .map(synced ->
                            new Decision(synced.changed() ? Verdict.PROCESSED : Verdict.IGNORED, synced.detail()));
        });
    }

    private Mono<Void> record(Receipt receipt, Decision decision) {
        String type = receipt.webhook().type().name();
        if (decision.verdict() != Verdict.RETRY) {
            boolean processed = decision.verdict() == Verdict.PROCESSED;
            return receipts.finish(
                            receipt.transmissionId(),
                            processed ? ReceiptStatus.PROCESSED : ReceiptStatus.IGNORED,
                            decision.detail())
                    .doOnNext(finished -> {
                        if (finished) {
                            metrics.count(type, processed ? Result.PROCESSED : Result.IGNORED);
                        }
                    })
                    .then();
        }
        Optional<Duration> wait = settings.retryAfter(receipt.attempts());
        if (wait.isPresent()) {
            log.warn(
                    "webhook {} attempt {} did not finish ({}); retrying in {}",
                    receipt.transmissionId(),
                    receipt.attempts(),
                    decision.detail(),
                    wait.get());
            return receipts.retryLater(receipt.transmissionId(), wait.get(), decision.detail());
        }
        log.error("webhook {} given up after {} attempts: {}", receipt.transmissionId(), receipt.attempts(), decision);
        return receipts.finish(receipt.transmissionId(), ReceiptStatus.FAILED, decision.detail())
                .doOnNext(finished -> {
                    if (finished) {
                        metrics.count(type, Result.FAILED);
                    }
                })
                .then();
    }

    /** A body that claims another state than the PG's is forged or stale: worth a warning, never an action. */
    private static void warnIfClaimDisagrees(Receipt receipt, Payment payment, PgOutcome pgState) {
        String claimed = receipt.webhook().claimedStatus();
        Set<TossPaymentStatus> actual = pgStatuses(pgState);
        if (claimed != null && !actual.contains(TossPaymentStatus.of(claimed))) {
            log.warn(
                    "webhook {} claimed {} for payment {}; the PG shows {}: the PG's state is used",
                    receipt.transmissionId(),
                    claimed,
                    payment.paymentId(),
                    actual);
        }
    }

    /** The Toss statuses the PG's answer stands for. */
    private static Set<TossPaymentStatus> pgStatuses(PgOutcome pgState) {
        if (pgState instanceof PgOutcome.Approved approved) {
            if (approved.balanceAmount() == approved.amount()) {
                return Set.of(TossPaymentStatus.DONE);
            }
            return Set.of(
                    approved.balanceAmount() == 0 ? TossPaymentStatus.CANCELED : TossPaymentStatus.PARTIAL_CANCELED);
        }
        if (pgState instanceof PgOutcome.Declined) {
            return Set.of(TossPaymentStatus.ABORTED, TossPaymentStatus.EXPIRED);
        }
        TossPaymentStatus reported = TossPaymentStatus.of(((PgOutcome.Unknown) pgState).pgStatus());
        return reported == null ? Set.of() : Set.of(reported);
    }

    /** How an attempt ended, and why. */
    private record Decision(Verdict verdict, String detail) {}

    /** The receipt was acted on, had nothing to act on, or needs another attempt. */
    private enum Verdict {
        PROCESSED,
        IGNORED,
        RETRY
    }
}
