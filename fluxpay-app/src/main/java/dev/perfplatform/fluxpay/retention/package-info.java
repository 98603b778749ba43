/**
 * Retention: rows the engine no longer needs (PG webhook receipts, finished merchant webhook deliveries with their
 * attempts and events, the simulator's books) deleted once past {@code fluxpay.retention.*}, in bounded batches,
 * counted by table. {@code payment_events}, the ledger, is never deleted. The batching loop is a few lines of Reactor
 * over plain SQL, so no scheduling or archiving library is used.
 */
@NullMarked
package dev.perfplatform.fluxpay.retention;

import org.jspecify.annotations.NullMarked;
