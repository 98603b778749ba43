package dev.perfplatform.fluxpay.refund;

/** PENDING until the PG answers; UNKNOWN when its answer was lost (the amount stays reserved). */
public enum RefundStatus {
    PENDING,
    SUCCEEDED,
    FAILED,
    UNKNOWN
}
