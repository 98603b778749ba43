/**
 * The stand-ins and unsafe modes in use (embedded MariaDB, provider simulator, offline AI model, development login, a generated JWT key,
 * cookies without {@code Secure}): each chosen by one property and off unless chosen or, all but the development login,
 * in the embedded development mode (no database configured, see moalog-embedded-mariadb), announced by a WARN banner at start-up and listed
 * under {@code standIns} in {@code /actuator/info}, so nobody runs one in production without being told.
 */
@NullMarked
package dev.perfplatform.moalog.standin;

import org.jspecify.annotations.NullMarked;
