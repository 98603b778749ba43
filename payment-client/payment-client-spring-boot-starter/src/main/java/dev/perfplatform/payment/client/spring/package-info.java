/**
 * Spring Boot auto-configuration of the FluxPay client and webhook verifier under {@code fluxpay.client.*}.
 */
@NullMarked
package dev.perfplatform.payment.client.spring;

import org.jspecify.annotations.NullMarked;
