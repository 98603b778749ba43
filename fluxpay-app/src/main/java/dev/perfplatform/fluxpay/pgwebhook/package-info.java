/**
 * Inbound webhooks from the PG (TossPayments): receipts deduplicated by transmission id, answered at once, and
 * processed by re-querying the PG, never by trusting the unsigned body.
 */
@NullMarked
package dev.perfplatform.fluxpay.pgwebhook;

import org.jspecify.annotations.NullMarked;
