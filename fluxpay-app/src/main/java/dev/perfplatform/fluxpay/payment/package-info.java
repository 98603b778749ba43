/** Payments: creation, confirmation through the PG, the append-only event log. */
@NullMarked
package dev.perfplatform.fluxpay.payment;

import org.jspecify.annotations.NullMarked;
