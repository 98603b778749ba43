/** Actuator support: the {@code ratelimiters} endpoint and the rate-limiter health contributor. */
@NullMarked
package dev.perfplatform.ratelimit.spring.actuate;

import org.jspecify.annotations.NullMarked;
