/**
 * WebFlux support: verifying a FluxPay webhook from the raw request body.
 */
@NullMarked
package dev.perfplatform.payment.client.spring.webflux;

import org.jspecify.annotations.NullMarked;
