package dev.perfplatform.ratelimit.spring;

import dev.perfplatform.ratelimit.RateLimiter;
import dev.perfplatform.ratelimit.RateLimiterEngine;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The configured policies and their limiters: inject it to limit anything programmatically.
 *
 * <pre>{@code
 * Decision decision = registry.limiter("openai").acquire("service");
 * mono.transformDeferred(RateLimiterOperator.of(registry.limiter("openai"), "service"));
 * }</pre>
 */
public final class RateLimiterRegistry {

    private final RateLimiterEngine engine;
    private final Map<String, PolicyDefinition> definitions;
    private final Map<String, RateLimiter> limiters = new LinkedHashMap<>();

    /** Limiters for {@code definitions} on {@code engine}, each passed through {@code decorator} (metrics). */
    public RateLimiterRegistry(
            RateLimiterEngine engine,
            Map<String, PolicyDefinition> definitions,
            Function<RateLimiter, RateLimiter> decorator) {
        this.engine = engine;
        this.definitions = Collections.unmodifiableMap(new LinkedHashMap<>(definitions));
        definitions.forEach(
                (name, definition) -> limiters.put(name, decorator.apply(engine.limiter(definition.policy()))));
    }

    /** The limiter of policy {@code name}. */
    public RateLimiter limiter(String name) {
        RateLimiter limiter = limiters.get(name);
        if (limiter == null) {
            throw new IllegalArgumentException(
                    "no rate-limit policy named '" + name + "'; configured: " + limiters.keySet());
        }
        return limiter;
    }

    /** The policies from the properties, by name, in configuration order. */
    public Map<String, PolicyDefinition> definitions() {
        return definitions;
    }

    /** The engine holding the state. */
    public RateLimiterEngine engine() {
        return engine;
    }
}
