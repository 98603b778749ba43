/** The payment gateway port and its TossPayments v1 adapter. */
@NullMarked
package dev.perfplatform.fluxpay.pg;

import org.jspecify.annotations.NullMarked;
