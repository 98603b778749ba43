/** Idempotency-Key handling: leases, request fingerprints and stored responses replayed byte for byte. */
@NullMarked
package dev.perfplatform.fluxpay.idempotency;

import org.jspecify.annotations.NullMarked;
