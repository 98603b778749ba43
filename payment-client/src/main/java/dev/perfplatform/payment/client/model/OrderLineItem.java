package dev.perfplatform.payment.client.model;

import org.jspecify.annotations.Nullable;

/**
 * One line of an order as FluxPay stores it.
 *
 * @param id the line's id
 * @param productId the merchant's product id
 * @param productName the name shown to the payer
 * @param quantity how many
 * @param unitPrice price of one unit in minor units
 * @param totalPrice {@code quantity × unitPrice} in minor units
 */
public record OrderLineItem(
        @Nullable String id, String productId, String productName, int quantity, long unitPrice, long totalPrice) {}
