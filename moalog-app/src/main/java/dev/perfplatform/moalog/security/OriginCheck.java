package dev.perfplatform.moalog.security;

import dev.perfplatform.moalog.api.ApiException;
import dev.perfplatform.moalog.api.Envelopes;
import dev.perfplatform.moalog.api.ErrorCode;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * The CSRF defence for a web client that sends no CSRF token: an unsafe request (not GET, HEAD, OPTIONS or TRACE)
 * that carries one of moalog's token cookies must name an allowed {@code Origin}, which browsers set on such requests
 * and pages cannot forge; otherwise it is refused with a 403 before anything runs. A request with an {@code
 * Authorization} header is exempt: it authenticates with that header, and a cross-site page cannot send one without a
 * CORS preflight the allowed origins decide.
 */
final class OriginCheck implements WebFilter {

    private static final Set<HttpMethod> SAFE =
            Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS, HttpMethod.TRACE);

    private final Set<String> allowedOrigins;
    private final Envelopes envelopes;

    OriginCheck(Set<String> allowedOrigins, Envelopes envelopes) {
        this.allowedOrigins = Set.copyOf(allowedOrigins);
        this.envelopes = envelopes;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        if (SAFE.contains(request.getMethod())
                || request.getHeaders().containsHeader(HttpHeaders.AUTHORIZATION)
                || AuthCookieNames.ALL.stream().noneMatch(request.getCookies()::containsKey)) {
            return chain.filter(exchange);
        }
        String origin = request.getHeaders().getOrigin();
        if (origin != null && allowedOrigins.contains(origin)) {
            return chain.filter(exchange);
        }
        return envelopes.write(exchange.getResponse(), new ApiException(ErrorCode.FOREIGN_ORIGIN));
    }
}
