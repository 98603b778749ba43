package dev.perfplatform.payment.client.model;

import dev.perfplatform.payment.client.internal.Args;
import java.util.Currency;

/**
 * Body of {@code POST /payments}: pay an order.
 *
 * @param orderId the order to pay
 * @param amount the order's total in minor units
 * @param currency the order's currency
 */
public record CreatePaymentRequest(String orderId, long amount, Currency currency) {

    /** Checks every component. */
    public CreatePaymentRequest {
        Args.text(orderId, "orderId");
        Args.positive(amount, "amount");
        Args.notNull(currency, "currency");
    }

    /** Pays the whole of {@code order}. */
    public static CreatePaymentRequest forOrder(Order order) {
        return new CreatePaymentRequest(order.orderId(), order.totalAmount(), order.currency());
    }
}
