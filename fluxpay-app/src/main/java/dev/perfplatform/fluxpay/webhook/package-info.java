/**
 * Outbound merchant webhooks (Standard Webhooks) through a transactional outbox: events recorded with the state change
 * that caused them, delivered signed by a worker that claims due rows under a lease, retried on a fixed schedule, and
 * sent only to public addresses. The outbox takes a neutral {@link dev.perfplatform.fluxpay.webhook.WebhookEvent};
 * this package knows no payment or refund type, each domain maps its own changes.
 */
@NullMarked
package dev.perfplatform.fluxpay.webhook;

import org.jspecify.annotations.NullMarked;
