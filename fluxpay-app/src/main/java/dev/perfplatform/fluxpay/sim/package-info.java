/** A TossPayments v1 look-alike served by the app under /sim, so the real adapter runs in every local run. */
@NullMarked
package dev.perfplatform.fluxpay.sim;

import org.jspecify.annotations.NullMarked;
