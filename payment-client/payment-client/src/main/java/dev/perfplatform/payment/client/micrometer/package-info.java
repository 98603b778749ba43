/**
 * Micrometer meters for the client ({@code payment.client.requests}, {@code payment.client.retries}); needs
 * {@code io.micrometer:micrometer-core}.
 */
@NullMarked
package dev.perfplatform.payment.client.micrometer;

import org.jspecify.annotations.NullMarked;
