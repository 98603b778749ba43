package dev.perfplatform.moalog.api;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** Writes failures as envelopes: the one place outside the handlers where an answer's JSON is made. */
@Component
public class Envelopes {

    private final JsonMapper json;

    public Envelopes(JsonMapper json) {
        this.json = json;
    }

    /** The failure as a response entity, for exception handlers. */
    public ResponseEntity<ApiResponse<Void>> entity(ApiException failure) {
        return ResponseEntity.status(failure.code().status())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(ApiResponse.failure(failure.code(), failure.getMessage()));
    }

    /** Writes the failure to {@code response} directly (filters, Spring Security); nothing if already committed. */
    public Mono<Void> write(ServerHttpResponse response, ApiException failure) {
        if (response.isCommitted()) {
            return Mono.empty();
        }
        byte[] body = json.writeValueAsBytes(ApiResponse.failure(failure.code(), failure.getMessage()));
        response.setStatusCode(HttpStatusCode.valueOf(failure.code().status().value()));
        response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
        response.getHeaders().set(HttpHeaders.CACHE_CONTROL, "no-store");
        return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
    }
}
