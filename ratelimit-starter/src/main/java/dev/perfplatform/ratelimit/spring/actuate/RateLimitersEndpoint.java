package dev.perfplatform.ratelimit.spring.actuate;

import dev.perfplatform.ratelimit.CircuitState;
import dev.perfplatform.ratelimit.Limit;
import dev.perfplatform.ratelimit.spring.PolicyDefinition;
import dev.perfplatform.ratelimit.spring.RateLimiterRegistry;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

/**
 * {@code /actuator/ratelimiters}: the engine, its circuit state (on a Redis Cluster the worst master's, and each
 * master's in {@code circuitsByNode}) and every configured policy.
 */
@Endpoint(id = "ratelimiters")
public final class RateLimitersEndpoint {

    private final RateLimiterRegistry registry;

    /** Describing {@code registry}. */
    public RateLimitersEndpoint(RateLimiterRegistry registry) {
        this.registry = registry;
    }

    /** The description. */
    @ReadOperation
    public Map<String, Object> rateLimiters() {
        Map<String, Object> policies = new LinkedHashMap<>();
        for (PolicyDefinition definition : registry.definitions().values()) {
            Map<String, Object> policy = new LinkedHashMap<>();
            policy.put(
                    "limits",
                    definition.policy().limits().stream().map(Limit::toString).toList());
            policy.put("key", definition.key());
            policy.put("paths", definition.paths());
            policy.put("excludePaths", definition.excludePaths());
            policy.put("methods", List.copyOf(definition.methods()));
            policy.put("shadow", definition.policy().isShadow());
            policy.put("failurePolicy", definition.policy().failurePolicy().toString());
            policy.put("filter", definition.filter());
            policies.put(definition.name(), policy);
        }
        Map<String, Object> description = new LinkedHashMap<>();
        description.put("engine", registry.engine().kind());
        description.put("circuit", registry.engine().circuitState().name());
        description.put("circuitsByNode", names(registry.engine().circuitStatesByNode()));
        description.put("policies", policies);
        return description;
    }

    /** Each node's state by name; empty when one breaker covers the whole store. */
    static Map<String, String> names(Map<String, CircuitState> states) {
        Map<String, String> names = new TreeMap<>();
        states.forEach((node, state) -> names.put(node, state.name()));
        return names;
    }
}
