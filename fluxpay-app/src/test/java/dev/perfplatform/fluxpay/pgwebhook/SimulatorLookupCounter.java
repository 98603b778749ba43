package dev.perfplatform.fluxpay.pgwebhook;

import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Counts the payment look-ups the simulated PG is asked for ({@code GET /sim/v1/payments/...}), at the PG's door: what
 * the operator's Toss key would be charged with.
 */
final class SimulatorLookupCounter implements WebFilter {

    private final AtomicInteger lookups = new AtomicInteger();

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        if (HttpMethod.GET.equals(request.getMethod())
                && request.getPath().value().startsWith("/sim/v1/payments/")) {
            lookups.incrementAndGet();
        }
        return chain.filter(exchange);
    }

    /** The look-ups counted since the last {@link #reset()}. */
    int lookups() {
        return lookups.get();
    }

    void reset() {
        lookups.set(0);
    }

    /** Puts the counter in front of the simulator. */
    @TestConfiguration(proxyBeanMethods = false)
    static class Configuration {

        @Bean
        SimulatorLookupCounter simulatorLookupCounter() {
            return new SimulatorLookupCounter();
        }
    }
}
