package dev.perfplatform.payment.client.model;

import dev.perfplatform.payment.client.internal.Args;

/**
 * Body of {@code POST /refunds}: give back part or all of a payment.
 *
 * @param paymentId the payment to refund
 * @param amount how much, in minor units; at most what is left to refund
 * @param reason why, shown to the payer and kept with the refund
 */
public record CreateRefundRequest(String paymentId, long amount, String reason) {

    /** Checks every component. */
    public CreateRefundRequest {
        Args.text(paymentId, "paymentId");
        Args.positive(amount, "amount");
        Args.text(reason, "reason");
    }
}
