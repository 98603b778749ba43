package dev.perfplatform.ratelimit.spring.actuate;

import dev.perfplatform.ratelimit.CircuitState;
import dev.perfplatform.ratelimit.RateLimiterEngine;
import java.util.Map;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Always UP, because the failure policies keep the application answering while Redis is away; the details say
 * {@code degraded: true} while the circuit is not closed, i.e. while the failure policies are deciding (on a Redis
 * Cluster: for some master's keys; {@code circuitsByNode} says whose). A custom status would be ignored by Boot's
 * aggregator, so none is invented.
 */
public final class RateLimiterHealthIndicator extends AbstractHealthIndicator {

    private final RateLimiterEngine engine;

    /** Reporting on {@code engine}. */
    public RateLimiterHealthIndicator(RateLimiterEngine engine) {
        super("rate limiter health check failed");
        this.engine = engine;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        CircuitState circuit = engine.circuitState();
        builder.up()
                .withDetail("engine", engine.kind())
                .withDetail("circuit", circuit.name())
                .withDetail("degraded", circuit != CircuitState.CLOSED);
        Map<String, CircuitState> byNode = engine.circuitStatesByNode();
        if (!byNode.isEmpty()) {
            builder.withDetail("circuitsByNode", RateLimitersEndpoint.names(byNode));
        }
    }
}
