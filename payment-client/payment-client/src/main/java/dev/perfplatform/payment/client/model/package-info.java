/**
 * The FluxPay resources and request bodies as immutable records: amounts are {@code long}s in the currency's minor
 * unit (KRW 9900 is ₩9,900; USD 123 is $1.23), never floating point. Unknown JSON fields are ignored and unknown
 * enum values read as {@code UNRECOGNIZED}, so a newer server does not break an older client.
 */
@NullMarked
package dev.perfplatform.payment.client.model;

import org.jspecify.annotations.NullMarked;
