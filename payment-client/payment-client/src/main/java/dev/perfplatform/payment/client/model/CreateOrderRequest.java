package dev.perfplatform.payment.client.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.perfplatform.payment.client.internal.Args;
import java.util.Currency;
import java.util.List;
import java.util.Map;

/**
 * Body of {@code POST /orders}.
 *
 * <pre>{@code
 * CreateOrderRequest request = CreateOrderRequest.of(
 *         "user-42", Currency.getInstance("KRW"), new LineItem("pro-monthly", "PRO plan", 1, 9_900));
 * }</pre>
 *
 * @param userId the merchant's id of the buyer
 * @param lineItems at least one line
 * @param currency currency of every amount of the order
 * @param metadata the merchant's own key-value pairs (may be empty)
 */
public record CreateOrderRequest(
        String userId,
        List<LineItem> lineItems,
        Currency currency,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, String> metadata) {

    /** Checks every component and copies the collections. */
    public CreateOrderRequest {
        Args.text(userId, "userId");
        Args.notNull(lineItems, "lineItems");
        if (lineItems.isEmpty()) {
            throw new IllegalArgumentException("lineItems must not be empty");
        }
        lineItems = List.copyOf(lineItems);
        Args.notNull(currency, "currency");
        metadata = Map.copyOf(Args.notNull(metadata, "metadata"));
    }

    /** An order of {@code lineItems} without metadata. */
    public static CreateOrderRequest of(String userId, Currency currency, LineItem... lineItems) {
        return new CreateOrderRequest(userId, List.of(lineItems), currency, Map.of());
    }

    /** This request with {@code metadata} instead of its own. */
    public CreateOrderRequest withMetadata(Map<String, String> metadata) {
        return new CreateOrderRequest(userId, lineItems, currency, metadata);
    }
}
