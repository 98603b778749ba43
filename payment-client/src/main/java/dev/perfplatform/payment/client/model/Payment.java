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
 * @param checkoutUrl where to send the payer while the payment is {@link PaymentStatus#READY}
 * @param paymentKey the provider's key, known once the payer finished checkout
 * @param failureCode the provider's or FluxPay's code when the payment failed
 * @param failureMessage a human-readable reason when the payment failed
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
        @Nullable String checkoutUrl,
        @Nullable String paymentKey,
        @Nullable String failureCode,
        @Nullable String failureMessage,
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
}
