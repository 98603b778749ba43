package dev.perfplatform.fluxpay.order;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** An order as the merchant API shows it; amounts in the currency's minor unit. */
public record Order(
        UUID orderId,
        String userId,
        OrderStatus status,
        Currency currency,
        long totalAmount,
        List<LineItem> lineItems,
        Map<String, String> metadata,
        Instant createdAt,
        Instant updatedAt) {

    /** One line of an order. */
    public record LineItem(String productId, String productName, int quantity, long unitPrice, long totalPrice) {}
}
