package dev.perfplatform.moalog.api;

import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Echoes the caller's {@code x-request-id} on every answer, or a new UUID when it sent none (or one that is not a
 * short token: at most 64 letters, digits, {@code -}, {@code _} or {@code .}, so nothing hostile reaches a log line or
 * a header). First of all filters, so refusals carry it too.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestIds implements WebFilter {

    /** The header, in and out. */
    public static final String HEADER = "x-request-id";

    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String sent = exchange.getRequest().getHeaders().getFirst(HEADER);
        String id = sent != null && SAFE.matcher(sent).matches()
                ? sent
                : UUID.randomUUID().toString();
        exchange.getResponse().getHeaders().set(HEADER, id);
        return chain.filter(exchange);
    }
}
