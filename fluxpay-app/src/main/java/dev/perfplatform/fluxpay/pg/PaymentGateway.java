package dev.perfplatform.fluxpay.pg;

import reactor.core.publisher.Mono;

/** The PG operations the engine needs. Never errors for a PG failure: every failure is an outcome. */
public interface PaymentGateway {

    /**
     * Confirms an authenticated payment. {@code idempotencyKey} is deterministic per operation, so re-sending it can
     * never charge twice.
     */
    Mono<PgOutcome> confirm(String paymentKey, String pgOrderId, long amount, String idempotencyKey);

    /**
     * Cancels {@code amount} of a done payment; {@code refundableAmount} is what the engine believes is left, and the
     * PG refuses the cancel if its own balance differs. Approved means the money went back.
     */
    Mono<PgOutcome> cancel(String paymentKey, long amount, long refundableAmount, String reason, String idempotencyKey);

    /** The PG's current view of a payment: the recovery path when a confirm's answer was lost. */
    Mono<PgOutcome> lookup(String paymentKey);

    /**
     * The PG's view of the payment made for {@code pgOrderId} (the engine's payment id): the recovery path when the
     * paymentKey was never recorded.
     */
    Mono<PgOutcome> lookupByOrderId(String pgOrderId);
}
