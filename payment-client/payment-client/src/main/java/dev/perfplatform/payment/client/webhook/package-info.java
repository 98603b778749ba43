/**
 * Standard Webhooks for FluxPay: {@link dev.perfplatform.payment.client.webhook.WebhookSigner} signs outgoing
 * deliveries, {@link dev.perfplatform.payment.client.webhook.WebhookVerifier} checks them on the merchant side.
 *
 * <pre>{@code
 * WebhookVerifier verifier = WebhookVerifier.of(System.getenv("FLUXPAY_WEBHOOK_SECRET"));
 * WebhookEvent event = verifier.verify(request::getHeader, rawBodyBytes);
 * if (alreadyProcessed(event.webhookId())) return; // deliveries are at least once
 * }</pre>
 */
@NullMarked
package dev.perfplatform.payment.client.webhook;

import org.jspecify.annotations.NullMarked;
