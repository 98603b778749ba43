package dev.perfplatform.payment.client.model;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/**
 * Where a payment is in its life: TossPayments' states ({@code READY → IN_PROGRESS → DONE / ABORTED / EXPIRED};
 * {@code DONE → CANCELED / PARTIAL_CANCELED}) plus FluxPay's {@link #UNKNOWN}.
 */
public enum PaymentStatus {
    /** Created; the payer has not finished checkout. */
    READY,
    /** The payer authenticated at checkout; waiting for the merchant's confirm. */
    IN_PROGRESS,
    /** Confirmed: the money is captured. */
    DONE,
    /**
     * The payment provider's answer to the confirm was lost (timeout, 5xx): FluxPay reconciles it and sends
     * {@code payment.confirmed} or {@code payment.failed} when it knows. Never treat it as failed.
     */
    UNKNOWN,
    /** Declined: the provider refused the approval ({@link Payment#failure()} says why). */
    ABORTED,
    /** The payer did not finish checkout in time. */
    EXPIRED,
    /** Fully refunded. */
    CANCELED,
    /** Partly refunded. */
    PARTIAL_CANCELED,
    /**
     * Still unresolved at the payment provider after FluxPay's reconciliation gave up (3 days), or a compensating
     * cancel the provider refused: an operator must look. Never treat it as failed.
     */
    NEEDS_ATTENTION,
    /** A status this version of the client does not know. */
    @JsonEnumDefaultValue
    UNRECOGNIZED
}
