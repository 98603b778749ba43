/**
 * A Java client for the FluxPay merchant API. {@link dev.perfplatform.payment.client.FluxPayClient} holds one
 * shared OkHttp client; its services ({@code orders()}, {@code payments()}, {@code refunds()}, {@code
 * webhookDeliveries()}) return immutable records from {@code ...model} and throw {@link
 * dev.perfplatform.payment.client.FluxPayException}s.
 *
 * <pre>{@code
 * FluxPayClient client = FluxPayClient.builder().baseUrl(baseUrl).apiKey(apiKey).build();
 * Order order = client.orders().create(CreateOrderRequest.of("user-42", Currency.getInstance("KRW"),
 *         new LineItem("pro", "PRO plan", 1, 9_900)));
 * Payment payment = client.payments().create(CreatePaymentRequest.forOrder(order));
 * // redirect the payer to payment.checkoutUrl(); the return URL receives the paymentKey
 * Outcome<Payment> outcome = client.payments().confirm(payment.paymentId(),
 *         new ConfirmPaymentRequest(paymentKey, order.totalAmount()));
 * }</pre>
 *
 * <p>Webhooks: {@code ...webhook}; metrics: {@code ...micrometer}; Spring Boot: {@code ...spring}.
 */
@NullMarked
package dev.perfplatform.payment.client;

import org.jspecify.annotations.NullMarked;
