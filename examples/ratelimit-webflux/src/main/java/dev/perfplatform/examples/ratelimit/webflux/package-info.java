/** Example: a WebFlux application protected by the rate-limit starter. */
@NullMarked
package dev.perfplatform.examples.ratelimit.webflux;

import org.jspecify.annotations.NullMarked;
