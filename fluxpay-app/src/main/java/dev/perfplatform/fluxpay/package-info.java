/** The FluxPay payment engine. */
@NullMarked
package dev.perfplatform.fluxpay;

import org.jspecify.annotations.NullMarked;
