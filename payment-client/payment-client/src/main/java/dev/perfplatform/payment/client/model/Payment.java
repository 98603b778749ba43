package dev.perfplatform.payment.client.model;

import dev.perfplatform.payment.client.internal.Args;
import java.time.Instant;
import java.util.Currency;
import org.jspecify.annotations.Nullable;

/**
 * A payment of an order.
 *
 * @param paymentId FluxPay's id of the payment
 * @param orderId the order it pays
 * @param status where the payment is in its life
 * @param amount amount in minor units
 * @param currency its currency
 * @param refundedAmount how much of it was refunded so far, in minor units
 * @param paymentKey the provider's key, known once the payer finished checkout
 * @param checkoutUrl where to send the payer while the payment is {@link PaymentStatus#READY}
 * @param failure why the provider refused it, when it did
 * @param approvedAt when the provider approved it
 * @param createdAt when it was created
 * @param updatedAt when it last changed
 */
public record Payment(
        String paymentId,
        String orderId,
        PaymentStatus status,
        long amount,
        Currency currency,
        long refundedAmount,
        @Nullable String paymentKey,
        @Nullable String checkoutUrl,
        @Nullable Failure failure,
        @Nullable Instant approvedAt,
        @Nullable Instant createdAt,
        @Nullable Instant updatedAt) {

    /** Requires the ids, status and currency. */
    public Payment {
        Args.notNull(paymentId, "paymentId");
        Args.notNull(orderId, "orderId");
        Args.notNull(status, "status");
        Args.notNull(currency, "currency");
    }

    /**
     * Why the provider refused a payment.
     *
     * @param code the provider's code, e.g. {@code REJECT_CARD_PAYMENT}
     * @param message a human-readable reason
     */
    public record Failure(@Nullable String code, @Nullable String message) {}
}
