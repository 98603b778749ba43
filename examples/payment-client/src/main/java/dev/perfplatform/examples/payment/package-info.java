/** Example: the smallest FluxPay merchant, built on payment-client's Spring Boot auto-configuration. */
@NullMarked
package dev.perfplatform.examples.payment;

import org.jspecify.annotations.NullMarked;
