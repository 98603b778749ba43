package dev.perfplatform.fluxpay.merchant;

import dev.perfplatform.fluxpay.api.ApiResponses;
import dev.perfplatform.fluxpay.api.BearerTokens;
import org.springframework.core.Ordered;
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
        String apiKey = BearerTokens.of(exchange);
        if (apiKey == null) {
            return BearerTokens.reject(exchange, responses);
        }
        return merchants
                .findByApiKey(apiKey)
                .flatMap(merchant -> {
                    exchange.getAttributes().put(Merchant.ATTRIBUTE, merchant);
                    return chain.filter(exchange).then(Mono.just(Boolean.TRUE));
                })
                .switchIfEmpty(Mono.defer(
                        () -> BearerTokens.reject(exchange, responses).then(Mono.just(Boolean.FALSE))))
                .then();
    }
}
