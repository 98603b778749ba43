/** The WebFlux side: a {@code WebFilter} enforcing the configured policies. */
@NullMarked
package dev.perfplatform.ratelimit.spring.webflux;

import org.jspecify.annotations.NullMarked;
