package dev.perfplatform.fluxpay.refund;

/**
 * PENDING until the PG answers; UNKNOWN when its answer was lost (the amount stays reserved and the cancel is re-sent
 * with the same key until the PG answers); NEEDS_ATTENTION when still unknown after the give-up age.
 */
public enum RefundStatus {
    PENDING,
    SUCCEEDED,
    FAILED,
    UNKNOWN,
    NEEDS_ATTENTION
}
