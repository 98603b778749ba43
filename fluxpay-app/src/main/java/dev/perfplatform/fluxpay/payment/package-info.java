/**
 * Payments: creation, confirmation through the PG in crash-safe steps (with named
 * {@link dev.perfplatform.fluxpay.payment.SagaBoundary SagaBoundaries} between them), the append-only event log,
 * reconciliation and compensation, and the expiry of unpaid orders with their READY payments. Which status changes merchants hear about is decided here ({@code PaymentWebhookEvents}) and handed to the
 * webhook outbox as a neutral event; each committed status change is counted after its commit
 * ({@code TransitionCounts}).
 */
@NullMarked
package dev.perfplatform.fluxpay.payment;

import org.jspecify.annotations.NullMarked;
