package dev.perfplatform.payment.client.model;

import dev.perfplatform.payment.client.internal.Args;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An order: what the payer buys.
 *
 * @param orderId FluxPay's id of the order
 * @param userId the merchant's id of the buyer
 * @param status where the order is in its life
 * @param totalAmount sum of the lines in minor units
 * @param currency currency of every amount of the order
 * @param lineItems the lines
 * @param metadata the merchant's own key-value pairs
 * @param createdAt when it was created
 * @param updatedAt when it last changed
 */
public record Order(
        String orderId,
        String userId,
        OrderStatus status,
        long totalAmount,
        Currency currency,
        List<OrderLineItem> lineItems,
        Map<String, String> metadata,
        @Nullable Instant createdAt,
        @Nullable Instant updatedAt) {

    /** Requires the ids, status and currency; missing lists and maps read as empty. */
    public Order {
        Args.notNull(orderId, "orderId");
        Args.notNull(userId, "userId");
        Args.notNull(status, "status");
        Args.notNull(currency, "currency");
        lineItems = List.copyOf(Objects.requireNonNullElse(lineItems, List.of()));
        metadata = Map.copyOf(Objects.requireNonNullElse(metadata, Map.of()));
    }
}
