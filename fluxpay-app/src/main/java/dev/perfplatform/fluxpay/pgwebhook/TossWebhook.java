package dev.perfplatform.fluxpay.pgwebhook;

import org.jspecify.annotations.Nullable;

/**
 * What the engine takes from a TossPayments webhook body: which kind it is and the ids to re-query the PG with. The
 * claimed status is kept only to log a body that disagrees with the PG; it never drives a change. The {@code secret}
 * (Toss's per-payment secret, in a deposit callback and in a Payment object that has one) is compared with the one
 * the PG gave the engine for that payment, before anything is stored; it is never stored itself.
 */
record TossWebhook(
        Type type,
        @Nullable String paymentKey,
        @Nullable String orderId,
        @Nullable String claimedStatus,
        @Nullable String secret) {

    /** The event kinds the engine acts on; every other kind is acknowledged and ignored. */
    enum Type {
        /** {@code {eventType, createdAt, data: <Payment>}}. */
        PAYMENT_STATUS_CHANGED,
        /** {@code {eventType, createdAt, data: <Cancel>}}. */
        CANCEL_STATUS_CHANGED,
        /** Virtual-account deposits: the flat {@code {createdAt, secret, orderId, status, transactionKey}}. */
        DEPOSIT_CALLBACK,
        /** Any other event type (payouts, sellers, billing keys...). */
        OTHER
    }

    /** Whether it names a payment to look up. */
    boolean namesPayment() {
        return paymentKey != null || orderId != null;
    }
}
