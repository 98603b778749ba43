package dev.perfplatform.fluxpay.admin;

import dev.perfplatform.fluxpay.Sha256;
import dev.perfplatform.fluxpay.api.ApiResponses;
import dev.perfplatform.fluxpay.api.BearerTokens;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Lets a {@code /admin/v1} request through only with {@code Authorization: Bearer <FLUXPAY_ADMIN_KEY>}, compared in
 * constant time (of the keys' SHA-256, so not even the length leaks); without a configured key every request is a 401.
 */
@Component
class AdminAuthenticationFilter implements WebFilter, Ordered {

    static final String ADMIN_PREFIX = "/admin/v1/";

    private final byte[] keyHash;
    private final ApiResponses responses;

    AdminAuthenticationFilter(AdminSettings settings, ApiResponses responses) {
        String key = settings.key();
        this.keyHash = key == null || key.isBlank() ? new byte[0] : hash(key);
        this.responses = responses;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 100;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        if (!path.startsWith(ADMIN_PREFIX)) {
            return chain.filter(exchange);
        }
        String presented = BearerTokens.of(exchange);
        if (keyHash.length == 0 || presented == null || !MessageDigest.isEqual(keyHash, hash(presented))) {
            return BearerTokens.reject(exchange, responses);
        }
        return chain.filter(exchange);
    }

    private static byte[] hash(String key) {
        return Sha256.of(key.getBytes(StandardCharsets.UTF_8));
    }
}
