/**
 * What an application may implement to change the web filter's behaviour on either stack: a {@link
 * dev.perfplatform.ratelimit.spring.web.KeyResolver} bean for its own keys, a {@link
 * dev.perfplatform.ratelimit.spring.web.RateLimitResponseWriter} for its own 429 body, a {@link
 * dev.perfplatform.ratelimit.spring.web.RateLimitHeaderFormat} for another header draft.
 */
@NullMarked
package dev.perfplatform.ratelimit.spring.web;

import org.jspecify.annotations.NullMarked;
