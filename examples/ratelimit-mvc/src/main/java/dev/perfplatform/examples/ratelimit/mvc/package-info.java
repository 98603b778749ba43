/** Example: a Spring MVC application protected by the rate-limit starter. */
@NullMarked
package dev.perfplatform.examples.ratelimit.mvc;

import org.jspecify.annotations.NullMarked;
