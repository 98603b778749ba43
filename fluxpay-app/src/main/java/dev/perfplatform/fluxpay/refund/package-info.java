/** Refunds: partial and repeated, capped by the captured amount in the database, through the PG's cancel. */
@NullMarked
package dev.perfplatform.fluxpay.refund;

import org.jspecify.annotations.NullMarked;
