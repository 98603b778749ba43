/**
 * Development only: the embedded PostgreSQL that fluxpay-app runs on when no database is configured. This package is
 * on the class path only when the {@code fluxpay-embedded-postgres} module is (the default build); the container
 * image is built without it ({@code -Dfluxpay.embedded=false}).
 */
@NullMarked
package dev.perfplatform.fluxpay.embedded;

import org.jspecify.annotations.NullMarked;
