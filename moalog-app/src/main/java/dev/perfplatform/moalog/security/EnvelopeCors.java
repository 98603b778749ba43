package dev.perfplatform.moalog.security;

import dev.perfplatform.moalog.api.ApiException;
import dev.perfplatform.moalog.api.Envelopes;
import dev.perfplatform.moalog.api.ErrorCode;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.CorsProcessor;
import org.springframework.web.cors.reactive.CorsUtils;
import org.springframework.web.cors.reactive.DefaultCorsProcessor;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Spring's {@code CorsWebFilter}, with one difference: a request from an origin that is not allowed is refused in the
 * envelope ({@code 403 COMMON403}) rather than with an empty 403. Spring's {@link DefaultCorsProcessor} decides
 * everything else (headers, preflights).
 */
final class EnvelopeCors implements WebFilter {

    private final CorsConfigurationSource source;
    private final CorsProcessor processor = new DefaultCorsProcessor();
    private final Envelopes envelopes;

    EnvelopeCors(CorsConfigurationSource source, Envelopes envelopes) {
        this.source = source;
        this.envelopes = envelopes;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        CorsConfiguration configuration = source.getCorsConfiguration(exchange);
        if (configuration == null) {
            return chain.filter(exchange);
        }
        if (!processor.process(configuration, exchange)) {
            return envelopes.write(exchange.getResponse(), new ApiException(ErrorCode.FOREIGN_ORIGIN));
        }
        return CorsUtils.isPreFlightRequest(exchange.getRequest()) ? Mono.empty() : chain.filter(exchange);
    }
}
