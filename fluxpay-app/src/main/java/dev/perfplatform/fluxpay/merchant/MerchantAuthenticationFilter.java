package dev.perfplatform.fluxpay.merchant;

import dev.perfplatform.fluxpay.api.ApiException;
import dev.perfplatform.fluxpay.api.ApiResponses;
import dev.perfplatform.fluxpay.api.ErrorCode;
import dev.perfplatform.fluxpay.api.RenderedResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Authenticates every {@code /api/v1} request by its {@code Authorization: Bearer} merchant API key and puts the
 * merchant in the exchange; anything else is a 401 {@code AUTH_001} envelope.
 */
@Component
public class MerchantAuthenticationFilter implements WebFilter, Ordered {

    static final String API_PREFIX = "/api/v1/";
    private static final String BEARER = "Bearer ";

    private final MerchantRepository merchants;
    private final ApiResponses responses;

    public MerchantAuthenticationFilter(MerchantRepository merchants, ApiResponses responses) {
        this.merchants = merchants;
        this.responses = responses;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 100;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        if (!path.startsWith(API_PREFIX)) {
            return chain.filter(exchange);
        }
        String apiKey = bearerToken(exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION));
        if (apiKey == null) {
            return unauthorized(exchange);
        }
        return merchants
                .findByApiKey(apiKey)
                .flatMap(merchant -> {
                    exchange.getAttributes().put(Merchant.ATTRIBUTE, merchant);
                    return chain.filter(exchange).then(Mono.just(Boolean.TRUE));
                })
                .switchIfEmpty(Mono.defer(() -> unauthorized(exchange).then(Mono.just(Boolean.FALSE))))
                .then();
    }

    private static @Nullable String bearerToken(@Nullable String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return null;
        }
        String token = authorization.substring(BEARER.length()).trim();
        return token.isEmpty() ? null : token;
    }

    private Mono<Void> unauthorized(ServerWebExchange exchange) {
        RenderedResponse rendered = responses.failure(new ApiException(ErrorCode.AUTH_001));
        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(HttpStatus.UNAUTHORIZED);
        response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
        response.getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        return response.writeWith(Mono.just(response.bufferFactory().wrap(rendered.body())));
    }
}
