package dev.perfplatform.fluxpay.payment;

import dev.perfplatform.fluxpay.SelfUrl;
import dev.perfplatform.fluxpay.api.ApiException;
import dev.perfplatform.fluxpay.api.ApiResponses;
import dev.perfplatform.fluxpay.api.ErrorCode;
import dev.perfplatform.fluxpay.api.RenderedResponse;
import dev.perfplatform.fluxpay.idempotency.IdempotentWork;
import dev.perfplatform.fluxpay.idempotency.RecoveryPoint;
import dev.perfplatform.fluxpay.order.OrderRepository;
import dev.perfplatform.fluxpay.order.OrderStatus;
import dev.perfplatform.fluxpay.payment.PaymentRepository.Changes;
import dev.perfplatform.fluxpay.pg.PaymentGateway;
import dev.perfplatform.fluxpay.pg.PgMode;
import dev.perfplatform.fluxpay.pg.PgOutcome;
import java.util.EnumSet;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Creates payments and confirms them through the PG in steps that survive a crash: the payment moves to IN_PROGRESS
 * and the key records that the PG call is about to happen (one transaction); the PG is called with a key derived from
 * the payment; the outcome, the order's PAID status and the stored answer commit together. A retry after a crash
 * between those steps sends the same confirm with the same PG key, which the PG answers from its idempotency record.
 * A charge the engine cannot keep (another amount, an order canceled meanwhile) is given back by {@link Compensations}.
 */
@Service
public class PaymentService {

    private static final Logger log = LoggerFactory.getLogger(PaymentService.class);

    private final PaymentRepository payments;
    private final OrderRepository orders;
    private final PaymentGateway gateway;
    private final PaymentOutcomes outcomes;
    private final ApiResponses responses;
    private final SelfUrl selfUrl;
    private final PgMode pgMode;
    private final SagaBoundaries boundaries;
    private final Compensations compensations;

    public PaymentService(
            PaymentRepository payments,
            OrderRepository orders,
            PaymentGateway gateway,
            PaymentOutcomes outcomes,
            ApiResponses responses,
            SelfUrl selfUrl,
            PgMode pgMode,
            Compensations compensations,
            ObjectProvider<SagaBoundaries> boundaries) {
        this.compensations = compensations;
        this.boundaries = boundaries.getIfAvailable(() -> SagaBoundaries.NONE);
        this.payments = payments;
        this.orders = orders;
        this.gateway = gateway;
        this.outcomes = outcomes;
        this.responses = responses;
        this.selfUrl = selfUrl;
        this.pgMode = pgMode;
    }

    /** A READY payment for the merchant's PENDING order, for exactly its total; call inside a transaction. */
    public Mono<Payment> create(UUID merchantId, CreatePaymentRequest request) {
        return orders.findHeader(merchantId, request.orderId())
                .switchIfEmpty(Mono.error(new ApiException(ErrorCode.ORD_001)))
                .flatMap(order -> {
                    if (order.status() != OrderStatus.PENDING) {
                        return Mono.error(
                                new ApiException(ErrorCode.ORD_002, "Order is " + order.status() + ", not payable"));
                    }
                    if (order.totalAmount() != request.amount() || order.currency() != request.currency()) {
                        return Mono.error(new ApiException(
                                ErrorCode.PAY_002, "Payment must be for the order's total and currency"));
                    }
                    return payments.insert(
                                    merchantId,
                                    UUID.randomUUID(),
                                    order.orderId(),
                                    order.currency(),
                                    order.totalAmount())
                            .onErrorMap(
                                    DataIntegrityViolationException.class, e -> new ApiException(ErrorCode.PAY_005));
                })
                .map(this::withCheckout);
    }

    public Mono<Payment> find(UUID merchantId, UUID paymentId) {
        return payments.find(merchantId, paymentId)
                .switchIfEmpty(Mono.error(new ApiException(ErrorCode.PAY_001)))
                .map(this::withCheckout);
    }

    /** The confirm of {@code POST /payments/{id}/confirm}, as idempotent steps. */
    public Mono<RenderedResponse> confirm(
            UUID merchantId, UUID paymentId, ConfirmPaymentRequest request, IdempotentWork.Steps steps) {
        Mono<PgOutcome> outcome;
        if (steps.recoveryPoint() == RecoveryPoint.PG_CONFIRM_SENT) {
            // An earlier attempt crashed after IN_PROGRESS committed, maybe before the PG call, maybe after it. The
            // same confirm with the same PG key is safe either way: the PG answers a processed key from its own
            // idempotency record and never confirms twice.
            outcome = payments.find(merchantId, paymentId)
                    .switchIfEmpty(Mono.error(new ApiException(ErrorCode.PAY_001)))
                    .flatMap(payment -> gateway.confirm(
                            request.paymentKey(), paymentId.toString(), payment.amount(), "confirm-" + paymentId));
        } else {
            outcome = boundaries
                    .pass(SagaBoundary.BEFORE_CHECKPOINT)
                    .then(steps.checkpoint(RecoveryPoint.PG_CONFIRM_SENT, start(merchantId, paymentId, request)))
                    .flatMap(started -> boundaries
                            .pass(SagaBoundary.BEFORE_PG_CALL)
                            .then(gateway.confirm(
                                    request.paymentKey(),
                                    paymentId.toString(),
                                    started.amount(),
                                    "confirm-" + paymentId)));
        }
        return outcome.flatMap(result -> boundaries
                        .pass(SagaBoundary.AFTER_PG_CALL)
                        .then(steps.finish(apply(merchantId, paymentId, result))))
                .flatMap(answer -> compensateIfNeeded(paymentId).thenReturn(answer));
    }

    /** Gives back at once a charge the outcome could not keep; the reconciler retries if this fails. */
    private Mono<Payment> compensateIfNeeded(UUID paymentId) {
        return compensations.runIfPending(paymentId).onErrorResume(failure -> {
            log.warn("payment {}: compensation left to the reconciler: {}", paymentId, failure.toString());
            return Mono.empty();
        });
    }

    /** READY → IN_PROGRESS with the paymentKey, unless {@link #refusalToStart} finds a reason not to. */
    private Mono<Payment> start(UUID merchantId, UUID paymentId, ConfirmPaymentRequest request) {
        return payments.find(merchantId, paymentId)
                .switchIfEmpty(Mono.error(new ApiException(ErrorCode.PAY_001)))
                .zipWhen(payment -> orders.findHeader(merchantId, payment.orderId())
                        .switchIfEmpty(Mono.error(() -> new ApiException(ErrorCode.ORD_001))))
                .flatMap(found -> {
                    Payment payment = found.getT1();
                    ApiException refusal = refusalToStart(payment, found.getT2().status(), request);
                    return refusal != null
                            ? Mono.error(refusal)
                            : payments.transition(
                                            paymentId,
                                            EnumSet.of(PaymentStatus.READY),
                                            PaymentStatus.IN_PROGRESS,
                                            "confirm requested",
                                            new Changes(request.paymentKey(), null, null, null, Map.of()))
                                    .switchIfEmpty(Mono.error(() -> notReady(payment)));
                });
    }

    /**
     * Why a confirm may not start, or null when it may: the amount must be the payment's own and its order still
     * PENDING. Whether the payment is still READY is decided by the transition itself, which is conditional on it.
     */
    static @Nullable ApiException refusalToStart(
            Payment payment, OrderStatus orderStatus, ConfirmPaymentRequest request) {
        if (payment.amount() != request.amount()) {
            return new ApiException(ErrorCode.PAY_002, "Amount differs from the payment's amount");
        }
        if (orderStatus != OrderStatus.PENDING) {
            return new ApiException(ErrorCode.ORD_002, "Order is " + orderStatus + ", not payable");
        }
        return null;
    }

    private static ApiException notReady(Payment payment) {
        return new ApiException(ErrorCode.PAY_003, "Payment is " + payment.status() + ", not READY");
    }

    /** Records the PG's outcome and renders the answer; runs in the transaction that stores it. */
    private Mono<RenderedResponse> apply(UUID merchantId, UUID paymentId, PgOutcome outcome) {
        Mono<Payment> current = payments.find(merchantId, paymentId);
        return current.flatMap(payment -> outcomes.record(payment, outcome, "confirm"))
                // already resolved, by reconciliation or an earlier attempt: answer with what it is now
                .switchIfEmpty(Mono.defer(() -> current))
                .map(this::answer);
    }

    private RenderedResponse answer(Payment payment) {
        return switch (payment.status()) {
            case ABORTED, EXPIRED ->
                responses.failure(new ApiException(
                        ErrorCode.PAY_004,
                        "Payment declined: "
                                + (payment.failure() == null
                                        ? payment.status()
                                        : payment.failure().code())));
            case UNKNOWN, IN_PROGRESS, NEEDS_ATTENTION -> responses.ok(HttpStatus.ACCEPTED, withCheckout(payment));
            default -> {
                Payment.Failure compensated = payment.failure();
                yield compensated == null
                        ? responses.ok(HttpStatus.OK, withCheckout(payment))
                        : responses.failure(new ApiException(
                                ErrorCode.PAY_012, "The PG approved the payment, but " + compensated.message()));
            }
        };
    }

    /**
     * A READY payment's simulator checkout link. With TossPayments there is none: the merchant's page opens Toss's
     * checkout with the payment's id as Toss's {@code orderId}.
     */
    private Payment withCheckout(Payment payment) {
        if (payment.status() != PaymentStatus.READY || pgMode != PgMode.SIMULATOR) {
            return payment;
        }
        String base = selfUrl.base();
        return payment.withCheckoutUrl(
                base + "/sim/checkout?orderId=" + payment.paymentId() + "&amount=" + payment.amount());
    }
}
