package dev.perfplatform.payment.client.model;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/** Where an order is in its life: {@code PENDING} until paid, canceled by the merchant, or expired unpaid. */
public enum OrderStatus {
    /** Created, not paid yet. */
    PENDING,
    /** A payment for it is done. */
    PAID,
    /** Canceled by the merchant before it was paid. */
    CANCELED,
    /** Left unpaid too long. */
    EXPIRED,
    /** A status this version of the client does not know. */
    @JsonEnumDefaultValue
    UNRECOGNIZED
}
