/**
 * The standalone server: a JDK HTTP server with {@code /metrics}, {@code /probe}, {@code /health} and a debug page per target.
 */
@NullMarked
package dev.perfplatform.jmx.server;

import org.jspecify.annotations.NullMarked;
