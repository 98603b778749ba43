package dev.perfplatform.moalog.security;

import org.springframework.http.HttpCookie;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.web.server.authentication.ServerBearerTokenAuthenticationConverter;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Where a request's access token is: the {@code Authorization: Bearer} header (Spring Security's own parsing, which
 * refuses a malformed header), else the {@code access_token} cookie the web client carries. A request with neither
 * stays anonymous for the rules to judge.
 */
final class AccessTokens implements ServerAuthenticationConverter {

    private final ServerBearerTokenAuthenticationConverter header = new ServerBearerTokenAuthenticationConverter();

    @Override
    public Mono<Authentication> convert(ServerWebExchange exchange) {
        return header.convert(exchange).switchIfEmpty(Mono.defer(() -> {
            HttpCookie cookie = exchange.getRequest().getCookies().getFirst(AuthCookieNames.ACCESS);
            return cookie == null || cookie.getValue().isEmpty()
                    ? Mono.empty()
                    : Mono.just(new BearerTokenAuthenticationToken(cookie.getValue()));
        }));
    }
}
