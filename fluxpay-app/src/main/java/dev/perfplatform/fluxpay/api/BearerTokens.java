package dev.perfplatform.fluxpay.api;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** {@code Authorization: Bearer} for the API's filters: reading the token, and the 401 envelope refusing it. */
public final class BearerTokens {

    private static final String BEARER = "Bearer ";

    private BearerTokens() {}

    /** The request's bearer token; null when there is none. */
    public static @Nullable String of(ServerWebExchange exchange) {
        String authorization = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return null;
        }
        String token = authorization.substring(BEARER.length()).trim();
        return token.isEmpty() ? null : token;
    }

    /** Answers 401 {@code AUTH_001} in the envelope, with {@code WWW-Authenticate: Bearer}. */
    public static Mono<Void> reject(ServerWebExchange exchange, ApiResponses responses) {
        RenderedResponse rendered = responses.failure(new ApiException(ErrorCode.AUTH_001));
        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(HttpStatus.UNAUTHORIZED);
        response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
        response.getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        return response.writeWith(Mono.just(response.bufferFactory().wrap(rendered.body())));
    }
}
