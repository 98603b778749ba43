package dev.perfplatform.payment.client.model;

import dev.perfplatform.payment.client.internal.Args;

/**
 * Body of {@code POST /payments/{id}/confirm}: capture a payment the payer authorised at checkout.
 *
 * @param paymentKey the key the checkout handed back to the merchant's return URL
 * @param amount the amount the merchant expects, in minor units; a mismatch is declined
 */
public record ConfirmPaymentRequest(String paymentKey, long amount) {

    /** Checks every component. */
    public ConfirmPaymentRequest {
        Args.text(paymentKey, "paymentKey");
        Args.positive(amount, "amount");
    }
}
