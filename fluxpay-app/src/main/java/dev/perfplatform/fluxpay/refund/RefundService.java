package dev.perfplatform.fluxpay.refund;

import dev.perfplatform.fluxpay.api.ApiException;
import dev.perfplatform.fluxpay.api.ApiResponses;
import dev.perfplatform.fluxpay.api.ErrorCode;
import dev.perfplatform.fluxpay.api.RenderedResponse;
import dev.perfplatform.fluxpay.idempotency.IdempotentWork;
import dev.perfplatform.fluxpay.idempotency.RecoveryPoint;
import dev.perfplatform.fluxpay.payment.Payment;
import dev.perfplatform.fluxpay.payment.PaymentRepository;
import dev.perfplatform.fluxpay.payment.PaymentRepository.Changes;
import dev.perfplatform.fluxpay.payment.PaymentStatus;
import dev.perfplatform.fluxpay.payment.PgStateSync;
import dev.perfplatform.fluxpay.payment.ReconcilerSettings;
import dev.perfplatform.fluxpay.pg.PaymentGateway;
import dev.perfplatform.fluxpay.pg.PgOutcome;
import java.util.EnumSet;
import java.util.Map;
import java.util.UUID;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Refunds in crash-safe steps: the amount is reserved on the payment and the refund recorded (one transaction, with
 * the key's recovery point); the PG cancels with the key {@code refund-<refundId>} and the refundable-amount guard;
 * the outcome, the payment's status and the stored answer commit together. A refused refund gives its reservation
 * back; an unknown one keeps it, so the refunded sum can never exceed what was captured, and its cancel is re-sent
 * with the same key (by {@link RefundReconciler}, and before any new refund of the payment) until the PG answers.
 */
@Service
public class RefundService {

    private static final EnumSet<PaymentStatus> PENDING = EnumSet.of(PaymentStatus.UNKNOWN, PaymentStatus.IN_PROGRESS);
    private static final EnumSet<PaymentStatus> REFUNDABLE =
            EnumSet.of(PaymentStatus.DONE, PaymentStatus.PARTIAL_CANCELED);

    private final RefundRepository refunds;
    private final PaymentRepository payments;
    private final PaymentGateway gateway;
    private final ApiResponses responses;
    private final TransactionalOperator transactions;
    private final ReconcilerSettings reconciler;
    private final PgStateSync sync;

    public RefundService(
            RefundRepository refunds,
            PaymentRepository payments,
            PaymentGateway gateway,
            ApiResponses responses,
            TransactionalOperator transactions,
            ReconcilerSettings reconciler,
            PgStateSync sync) {
        this.sync = sync;
        this.refunds = refunds;
        this.payments = payments;
        this.gateway = gateway;
        this.responses = responses;
        this.transactions = transactions;
        this.reconciler = reconciler;
    }

    public Mono<RenderedResponse> create(UUID merchantId, CreateRefundRequest request, IdempotentWork.Steps steps) {
        UUID refundId = steps.operationId();
        Mono<Sent> sent = steps.recoveryPoint() == RecoveryPoint.PG_CANCEL_SENT
                ? resume(merchantId, refundId, request)
                : resolveUnknown(merchantId, request.paymentId())
                        .then(steps.checkpoint(RecoveryPoint.PG_CANCEL_SENT, reserve(merchantId, refundId, request)));
        return sent.flatMap(reserved -> send(reserved, refundId, request)
                .flatMap(outcome -> steps.finish(record(reserved, refundId, request.amount(), outcome, 0)
                        .map(refund -> responses.ok(
                                refund.status() == RefundStatus.UNKNOWN ? HttpStatus.ACCEPTED : HttpStatus.CREATED,
                                refund)))));
    }

    /**
     * Re-sends an UNKNOWN refund's cancel with its own key — the PG answers a processed key from its idempotency record
     * and never cancels twice — and records the answer; {@code attempts} re-sends were made before. Emits the refund
     * once it changed or was rescheduled; empty when it is no longer UNKNOWN.
     */
    public Mono<Refund> resolve(UUID merchantId, UUID refundId, int attempts) {
        return refunds.find(merchantId, refundId)
                .filter(refund -> refund.status() == RefundStatus.UNKNOWN)
                .flatMap(refund -> {
                    CreateRefundRequest request =
                            new CreateRefundRequest(refund.paymentId(), refund.amount(), refund.reason());
                    return resume(merchantId, refundId, request)
                            .flatMap(sent -> send(sent, refundId, request)
                                    .flatMap(outcome -> transactions.transactional(
                                            record(sent, refundId, refund.amount(), outcome, attempts))));
                });
    }

    /**
     * Re-queries what is unresolved about the payment before a new operation on it: the payment itself when its
     * outcome is unknown (it may well be DONE by now), and its unknown refunds (the PG's balance is uncertain until
     * they are resolved). Failures leave things as they were; the refund is then judged on what is known.
     */
    private Mono<Void> resolveUnknown(UUID merchantId, UUID paymentId) {
        Mono<Void> payment = payments.find(merchantId, paymentId)
                .filter(found -> PENDING.contains(found.status()) && found.paymentKey() != null)
                .flatMap(pending -> gateway.lookup(String.valueOf(pending.paymentKey()))
                        .flatMap(pgState ->
                                transactions.transactional(sync.apply(paymentId, pgState, "look-up before a refund"))))
                .then();
        return payment.then(refunds.unknownFor(merchantId, paymentId)
                        .concatMap(unknown -> resolve(merchantId, unknown.refundId(), unknown.attempts()))
                        .then())
                .onErrorResume(failure -> Mono.empty());
    }

    private Mono<PgOutcome> send(Sent sent, UUID refundId, CreateRefundRequest request) {
        return gateway.cancel(
                sent.paymentKey(), request.amount(), sent.refundableBefore(), request.reason(), "refund-" + refundId);
    }

    /** Reserves the amount on a refundable payment of the merchant's and records the PENDING refund. */
    private Mono<Sent> reserve(UUID merchantId, UUID refundId, CreateRefundRequest request) {
        return payments.find(merchantId, request.paymentId())
                .switchIfEmpty(Mono.error(new ApiException(ErrorCode.PAY_001)))
                .flatMap(payment -> {
                    String paymentKey = payment.paymentKey();
                    if (!REFUNDABLE.contains(payment.status()) || paymentKey == null) {
                        return Mono.error(new ApiException(
                                ErrorCode.PAY_010, "Payment is " + payment.status() + ", not refundable"));
                    }
                    if (payment.failure() != null) {
                        return Mono.error(new ApiException(
                                ErrorCode.PAY_010,
                                "Payment is being cancelled in full: "
                                        + payment.failure().code()));
                    }
                    // the refund row first, then the payment row: the order every refund transaction locks them in
                    return refunds.insert(
                                    merchantId,
                                    refundId,
                                    payment.paymentId(),
                                    request.amount(),
                                    payment.currency(),
                                    request.reason())
                            .onErrorMap(DataIntegrityViolationException.class, e -> new ApiException(ErrorCode.PAY_011))
                            .then(refunds.reserve(payment.paymentId(), request.amount()))
                            .switchIfEmpty(Mono.error(new ApiException(
                                    ErrorCode.PAY_007,
                                    "At most " + (payment.amount() - payment.refundedAmount()) + " is refundable")))
                            .map(before -> new Sent(merchantId, payment, paymentKey, before));
                });
    }

    /** After a crash past the reservation: the same cancel again, which the PG answers from its idempotency record. */
    private Mono<Sent> resume(UUID merchantId, UUID refundId, CreateRefundRequest request) {
        return Mono.zip(
                        payments.find(merchantId, request.paymentId()),
                        refunds.find(merchantId, refundId)
                                .switchIfEmpty(Mono.error(new ApiException(ErrorCode.PAY_009))))
                .map(found -> {
                    Payment payment = found.getT1();
                    long before = payment.amount()
                            - payment.refundedAmount()
                            + found.getT2().amount();
                    return new Sent(merchantId, payment, String.valueOf(payment.paymentKey()), before);
                });
    }

    /** Records the PG's answer to a refund's cancel; call in a transaction. */
    private Mono<Refund> record(Sent sent, UUID refundId, long amount, PgOutcome outcome, int attempts) {
        if (outcome instanceof PgOutcome.Approved) {
            UUID paymentId = sent.payment().paymentId();
            return refunds.settle(refundId, RefundStatus.SUCCEEDED, null)
                    .flatMap(refund -> payments.find(sent.merchantId(), paymentId)
                            .flatMap(payment -> payments.transition(
                                    paymentId,
                                    REFUNDABLE,
                                    payment.refundedAmount() == payment.amount()
                                            ? PaymentStatus.CANCELED
                                            : PaymentStatus.PARTIAL_CANCELED,
                                    "refund " + refundId + " of " + amount,
                                    new Changes(null, null, null, null, Map.of("refundId", refundId.toString()))))
                            .thenReturn(refund));
        }
        if (outcome instanceof PgOutcome.Declined declined) {
            return refunds.settle(refundId, RefundStatus.FAILED, declined.code() + ": " + declined.message())
                    .flatMap(refund ->
                            refunds.release(sent.payment().paymentId(), amount).thenReturn(refund));
        }
        return refunds.settle(refundId, RefundStatus.UNKNOWN, null)
                .flatMap(refund -> refunds.scheduleCheck(refundId, attempts + 1, reconciler.backoff(attempts))
                        .thenReturn(refund));
    }

    /** A reserved refund about to go to the PG. */
    private record Sent(UUID merchantId, Payment payment, String paymentKey, long refundableBefore) {}
}
