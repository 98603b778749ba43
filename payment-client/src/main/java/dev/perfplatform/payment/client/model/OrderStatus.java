package dev.perfplatform.payment.client.model;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/** Where an order is in its life. */
public enum OrderStatus {
    /** Created, not paid yet. */
    PENDING,
    /** A payment for it is done. */
    PAID,
    /** Fulfilled. */
    COMPLETED,
    /** Canceled by the merchant. */
    CANCELLED,
    /** Its payment failed for good. */
    FAILED,
    /** A status this version of the client does not know. */
    @JsonEnumDefaultValue
    UNRECOGNIZED
}
