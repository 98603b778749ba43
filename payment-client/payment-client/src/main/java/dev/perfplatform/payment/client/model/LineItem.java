package dev.perfplatform.payment.client.model;

import dev.perfplatform.payment.client.internal.Args;

/**
 * One line of a new order.
 *
 * @param productId the merchant's product id
 * @param productName the name shown to the payer
 * @param quantity how many, at least 1
 * @param unitPrice price of one unit in the order currency's minor unit, greater than 0
 */
public record LineItem(String productId, String productName, int quantity, long unitPrice) {

    /** Checks every component. */
    public LineItem {
        Args.text(productId, "productId");
        Args.text(productName, "productName");
        Args.positive(quantity, "quantity");
        Args.positive(unitPrice, "unitPrice");
    }
}
