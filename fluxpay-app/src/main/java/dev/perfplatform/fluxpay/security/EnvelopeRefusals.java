package dev.perfplatform.fluxpay.security;

import dev.perfplatform.fluxpay.api.ApiException;
import dev.perfplatform.fluxpay.api.ApiResponses;
import dev.perfplatform.fluxpay.api.ErrorCode;
import dev.perfplatform.fluxpay.api.RenderedResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedException;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Every refusal by Spring Security in fluxpay's envelope: no or a wrong key ({@code 401 AUTH_001}, with
 * {@code WWW-Authenticate: Bearer}), a key whose role does not reach the endpoint ({@code 403 AUTH_002}), and a URL
 * the firewall refuses ({@code 400 VAL_008}, logged at DEBUG: a scan must not flood the log).
 */
final class EnvelopeRefusals
        implements ServerAuthenticationEntryPoint, ServerAccessDeniedHandler, ServerExchangeRejectedHandler {

    private static final Logger log = LoggerFactory.getLogger(EnvelopeRefusals.class);

    private final ApiResponses responses;

    EnvelopeRefusals(ApiResponses responses) {
        this.responses = responses;
    }

    @Override
    public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException failure) {
        exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        return write(exchange, ErrorCode.AUTH_001);
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException denied) {
        return write(exchange, ErrorCode.AUTH_002);
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, ServerExchangeRejectedException rejected) {
        log.debug("refused {}: {}", exchange.getRequest().getMethod(), rejected.getMessage());
        return write(exchange, ErrorCode.VAL_008);
    }

    private Mono<Void> write(ServerWebExchange exchange, ErrorCode code) {
        RenderedResponse rendered = responses.failure(new ApiException(code));
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.empty();
        }
        response.setStatusCode(HttpStatus.valueOf(rendered.status()));
        response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(rendered.body())));
    }
}
