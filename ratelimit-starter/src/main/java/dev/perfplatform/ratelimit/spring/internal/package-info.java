/**
 * Implementation of the starter's web support, not API (it changes without notice): the stack-neutral request
 * limiter (policy matching, keys, trusted proxies, headers, the 429 body) and its Servlet and WebFlux adapters.
 */
@NullMarked
package dev.perfplatform.ratelimit.spring.internal;

import org.jspecify.annotations.NullMarked;
