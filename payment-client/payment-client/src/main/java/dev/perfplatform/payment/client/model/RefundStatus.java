package dev.perfplatform.payment.client.model;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/** Where a refund is in its life. */
public enum RefundStatus {
    /** Accepted, not yet answered by the provider. */
    PENDING,
    /** The money went back to the payer. */
    SUCCEEDED,
    /** The provider refused it. */
    FAILED,
    /**
     * The provider's answer was lost: FluxPay reconciles it and sends {@code refund.succeeded} or {@code
     * refund.failed} when it knows.
     */
    UNKNOWN,
    /** Still unknown after FluxPay's reconciliation gave up: an operator must look; the amount stays reserved. */
    NEEDS_ATTENTION,
    /** A status this version of the client does not know. */
    @JsonEnumDefaultValue
    UNRECOGNIZED
}
