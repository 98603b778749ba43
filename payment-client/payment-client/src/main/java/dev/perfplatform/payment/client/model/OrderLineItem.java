package dev.perfplatform.payment.client.model;

/**
 * One line of an order as FluxPay stores it.
 *
 * @param productId the merchant's product id
 * @param productName the name shown to the payer
 * @param quantity how many
 * @param unitPrice price of one unit in minor units
 * @param totalPrice {@code quantity × unitPrice} in minor units
 */
public record OrderLineItem(String productId, String productName, int quantity, long unitPrice, long totalPrice) {}
