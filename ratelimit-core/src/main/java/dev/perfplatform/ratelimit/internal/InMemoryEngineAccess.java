package dev.perfplatform.ratelimit.internal;

import dev.perfplatform.ratelimit.RateLimiterEngine;
import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Hands the Redis engine the {@link DecisionStore} of its local fallback, an {@code InMemoryEngine}, without making
 * that store part of the in-memory engine's API (the JDK's "shared secrets" pattern: the engine registers the
 * accessor when its class initialises, which has happened once an instance exists). Typed on {@link
 * RateLimiterEngine}, so this package does not depend on the {@code memory} package, which depends on it.
 */
public final class InMemoryEngineAccess {

    private static volatile @Nullable Function<RateLimiterEngine, DecisionStore> accessor;

    private InMemoryEngineAccess() {}

    /** Called once by {@code InMemoryEngine}'s static initialiser; a second call is refused. */
    public static synchronized void register(Function<RateLimiterEngine, DecisionStore> value) {
        if (accessor != null) {
            throw new IllegalStateException("the in-memory engine's accessor is already registered");
        }
        accessor = Objects.requireNonNull(value, "value");
    }

    /** The decisions on {@code engine}'s state; {@code engine} is an {@code InMemoryEngine}. */
    public static DecisionStore decisionStore(RateLimiterEngine engine) {
        Function<RateLimiterEngine, DecisionStore> registered = accessor;
        if (registered == null) {
            throw new IllegalStateException("InMemoryEngine has not registered its accessor");
        }
        return registered.apply(engine);
    }
}
