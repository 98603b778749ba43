package dev.perfplatform.moalog.api;

import dev.perfplatform.ratelimit.Decision;
import dev.perfplatform.ratelimit.spring.web.RateLimitRequest;
import dev.perfplatform.ratelimit.spring.web.RateLimitResponseWriter;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The limiter's 429 in moalog's envelope ({@code RATE4291}); the starter's filter adds the status, {@code Retry-After}
 * and the rate-limit headers, and Spring Security's CORS (which exposes them) has run before it.
 */
@Component
class RateLimitEnvelope implements RateLimitResponseWriter {

    private final byte[] body;

    RateLimitEnvelope(JsonMapper json) {
        this.body =
                json.writeValueAsBytes(ApiResponse.failure(ErrorCode.RATE_LIMITED, ErrorCode.RATE_LIMITED.message()));
    }

    @Override
    public Body render(Decision denial, RateLimitRequest request) {
        return new Body(MediaType.APPLICATION_JSON_VALUE, body.clone());
    }
}
