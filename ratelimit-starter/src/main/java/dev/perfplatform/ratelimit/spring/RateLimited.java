package dev.perfplatform.ratelimit.spring;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Limits a controller method (or every handler method of a controller class) with the named policies of {@code
 * ratelimit.policies}, whatever their path patterns; keys are derived as the policy's {@code key} says.
 *
 * <pre>{@code
 * @PostMapping("/retros/{id}/analysis")
 * @RateLimited("ai-analysis")
 * Mono<Analysis> analyse(@PathVariable long id) { ... }
 * }</pre>
 *
 * <p>A name that is not a configured policy fails application start-up. A denied call gets the same 429 as the
 * filter writes; an admitted one the same headers.
 */
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface RateLimited {

    /** Names of the policies to apply. */
    String[] value();
}
