package dev.perfplatform.fluxpay.security;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;

/** {@code Authorization: Bearer <key>}: the one place the header is read. */
final class BearerTokens {

    private static final String BEARER = "Bearer ";

    private BearerTokens() {}

    /** The request's bearer token; null when there is none (or the header holds another scheme). */
    static @Nullable String of(ServerWebExchange exchange) {
        String authorization = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return null;
        }
        String token = authorization.substring(BEARER.length()).trim();
        return token.isEmpty() ? null : token;
    }
}
