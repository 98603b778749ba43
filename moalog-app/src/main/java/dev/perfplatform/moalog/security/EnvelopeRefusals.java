package dev.perfplatform.moalog.security;

import dev.perfplatform.moalog.api.ApiException;
import dev.perfplatform.moalog.api.Envelopes;
import dev.perfplatform.moalog.api.ErrorCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedException;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Spring Security's refusals in the envelope: no or an invalid, expired or foreign token ({@code 401 AUTH4001} with
 * {@code WWW-Authenticate: Bearer}), a role that does not reach the endpoint ({@code 403 COMMON403}), a URL the
 * firewall refuses ({@code 400 COMMON400}: encoded slashes or periods, {@code ;} parameters, {@code //}; logged at
 * DEBUG so a scan cannot flood the log).
 */
final class EnvelopeRefusals
        implements ServerAuthenticationEntryPoint, ServerAccessDeniedHandler, ServerExchangeRejectedHandler {

    private static final Logger log = LoggerFactory.getLogger(EnvelopeRefusals.class);

    private final Envelopes envelopes;

    EnvelopeRefusals(Envelopes envelopes) {
        this.envelopes = envelopes;
    }

    @Override
    public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException failure) {
        exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        return envelopes.write(exchange.getResponse(), new ApiException(ErrorCode.UNAUTHORIZED));
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException denied) {
        return envelopes.write(exchange.getResponse(), new ApiException(ErrorCode.FORBIDDEN));
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, ServerExchangeRejectedException rejected) {
        log.debug("refused {}: {}", exchange.getRequest().getMethod(), rejected.getMessage());
        return envelopes.write(
                exchange.getResponse(),
                new ApiException(ErrorCode.BAD_REQUEST, "허용되지 않는 URL입니다: 인코딩된 슬래시·마침표·퍼센트, ';' 매개변수, '//'는 받지 않습니다."));
    }
}
