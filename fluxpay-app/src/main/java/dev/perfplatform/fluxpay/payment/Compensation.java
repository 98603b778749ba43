package dev.perfplatform.fluxpay.payment;

/** Why the engine gives back money the PG took: the saga's compensating step. */
public enum Compensation {
    /** The PG approved another amount than the payment's (and the order's). */
    AMOUNT_MISMATCH,
    /** The order was canceled or expired while its payment's confirm was in flight. */
    ORDER_NOT_PENDING
}
