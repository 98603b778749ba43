/**
 * What both web stacks share: the request view, key resolution with trusted proxies, policy matching, the rate-limit
 * headers and the 429 body.
 */
@NullMarked
package dev.perfplatform.ratelimit.spring.web;

import org.jspecify.annotations.NullMarked;
