/**
 * Refunds: partial and repeated, capped by the captured amount in the database, through the PG's cancel. Which
 * outcomes merchants hear about is decided here ({@code RefundWebhookEvents}).
 */
@NullMarked
package dev.perfplatform.fluxpay.refund;

import org.jspecify.annotations.NullMarked;
