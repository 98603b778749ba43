/** Example: the smallest FluxPay merchant, built on payment-client-spring-boot-starter. */
@NullMarked
package dev.perfplatform.examples.payment;

import org.jspecify.annotations.NullMarked;
