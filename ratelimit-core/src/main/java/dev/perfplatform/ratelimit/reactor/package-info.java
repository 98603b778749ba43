/**
 * A Reactor operator that puts a {@link dev.perfplatform.ratelimit.RateLimiter} in front of any {@code Mono} or
 * {@code Flux}, without Spring. Needs {@code io.projectreactor:reactor-core} on the class path (an optional
 * dependency of this library).
 *
 * <pre>{@code
 * Mono<Response> call = webClient.get().uri("/v1/chat").retrieve().bodyToMono(Response.class)
 *         .transformDeferred(RateLimiterOperator.of(limiter, "openai").waitingUpTo(Duration.ofMillis(500)));
 * }</pre>
 */
@NullMarked
package dev.perfplatform.ratelimit.reactor;

import org.jspecify.annotations.NullMarked;
