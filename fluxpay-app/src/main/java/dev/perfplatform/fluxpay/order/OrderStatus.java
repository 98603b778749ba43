package dev.perfplatform.fluxpay.order;

/** An order is PENDING until paid, canceled by the merchant, or expired unpaid. */
public enum OrderStatus {
    PENDING,
    PAID,
    CANCELED,
    EXPIRED
}
