package dev.perfplatform.ratelimit.spring.web;

import dev.perfplatform.ratelimit.Decision;

/**
 * Renders the body of a 429. The default writes RFC 9457 {@code application/problem+json}; an application with its
 * own error envelope defines one bean of this type. Status, {@code Retry-After} and the rate-limit headers are
 * written by the filter whatever the body.
 */
@FunctionalInterface
public interface RateLimitResponseWriter {

    /** The body for {@code denial} of {@code request}. */
    Body render(Decision denial, RateLimitRequest request);

    /**
     * A response body.
     *
     * @param contentType the {@code Content-Type} header value
     * @param content the bytes
     */
    @SuppressWarnings("ArrayRecordComponent") // bytes handed to the response as they are; a Body is never compared
    record Body(String contentType, byte[] content) {}
}
