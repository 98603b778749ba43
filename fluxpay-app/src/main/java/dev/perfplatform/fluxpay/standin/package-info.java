/**
 * The development stand-ins in use (embedded PostgreSQL, PG simulator): each chosen by one property, off unless
 * chosen or in the embedded development mode, announced by a WARN banner at start-up and listed under
 * {@code standIns} in {@code /actuator/info}, so nobody runs one in production without being told.
 */
@NullMarked
package dev.perfplatform.fluxpay.standin;

import org.jspecify.annotations.NullMarked;
