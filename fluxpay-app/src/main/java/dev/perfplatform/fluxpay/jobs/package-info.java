/**
 * The threads background jobs run on: a small scheduler per concern (orders, merchant webhooks, PG work,
 * housekeeping), so a job waiting on a slow PG never delays order expiry or webhook delivery. Plain Spring
 * {@code ThreadPoolTaskScheduler}s picked by {@code @Scheduled(scheduler = ...)}; no library of our own.
 */
@NullMarked
package dev.perfplatform.fluxpay.jobs;

import org.jspecify.annotations.NullMarked;
