/**
 * Inbound webhooks from the PG (TossPayments): receipts deduplicated by transmission id, answered at once, and
 * processed by re-querying the PG, never by trusting the unsigned body. Since anyone can call the route, the work it
 * causes is bounded: PG look-ups coalesced per payment and window ({@link CoalescedLookups}, on Caffeine), a capped
 * processing queue ({@link ProcessingQueue}) and a concurrency limit on look-ups ({@link ConcurrencyLimit}: Reactor has
 * no permit operator, and a bulkhead library for one {@code flatMap} with a concurrency was not worth a dependency).
 */
@NullMarked
package dev.perfplatform.fluxpay.pgwebhook;

import org.jspecify.annotations.NullMarked;
