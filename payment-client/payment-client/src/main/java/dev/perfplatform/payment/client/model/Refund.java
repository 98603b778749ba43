package dev.perfplatform.payment.client.model;

import dev.perfplatform.payment.client.internal.Args;
import java.time.Instant;
import java.util.Currency;
import org.jspecify.annotations.Nullable;

/**
 * A full or partial refund of a payment.
 *
 * @param refundId FluxPay's id of the refund
 * @param paymentId the payment it refunds
 * @param status where the refund is in its life
 * @param amount amount in minor units
 * @param currency the payment's currency
 * @param reason the merchant's reason
 * @param failureMessage why it failed, when it did
 * @param createdAt when it was requested
 * @param completedAt when it succeeded or failed
 */
public record Refund(
        String refundId,
        String paymentId,
        RefundStatus status,
        long amount,
        Currency currency,
        @Nullable String reason,
        @Nullable String failureMessage,
        @Nullable Instant createdAt,
        @Nullable Instant completedAt) {

    /** Requires the ids, status and currency. */
    public Refund {
        Args.notNull(refundId, "refundId");
        Args.notNull(paymentId, "paymentId");
        Args.notNull(status, "status");
        Args.notNull(currency, "currency");
    }
}
