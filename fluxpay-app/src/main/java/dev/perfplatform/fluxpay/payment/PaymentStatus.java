package dev.perfplatform.fluxpay.payment;

/**
 * The PG's payment lifecycle (READY → IN_PROGRESS → DONE / ABORTED / EXPIRED; DONE → CANCELED / PARTIAL_CANCELED),
 * plus UNKNOWN: the PG's answer was lost, the customer may have been charged, and reconciliation will tell.
 */
public enum PaymentStatus {
    READY,
    IN_PROGRESS,
    DONE,
    ABORTED,
    EXPIRED,
    CANCELED,
    PARTIAL_CANCELED,
    UNKNOWN,
    /** Still unresolved at the PG after reconciliation gave up: a human must look. */
    NEEDS_ATTENTION
}
