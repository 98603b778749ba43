package dev.perfplatform.jmx.internal.rules;

import dev.perfplatform.jmx.MetricMapper;
import dev.perfplatform.jmx.config.RulesConfig;
import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Rules compiled once per configuration, shared by every target: {@link #apply} compiles a {@link RulesConfig} the
 * first time it is asked for it (an equal one reuses the compiled rules) and returns an engine with its own match
 * cache over them ({@link RuleEngine#withOwnCache()}). Only the latest configuration's rules are kept, which is what
 * a configuration check followed by one {@code apply} per target asks for. Thread-safe.
 */
public final class RuleEngines implements Function<RulesConfig, MetricMapper> {

    private @Nullable RulesConfig config;
    private @Nullable RuleEngine compiled;

    /**
     * An engine for {@code rules} with its own match cache.
     *
     * @throws dev.perfplatform.jmx.config.ConfigException at the rule's origin when a rule cannot be compiled
     * @throws IllegalArgumentException when a rule without an origin cannot be compiled
     */
    @Override
    public synchronized RuleEngine apply(RulesConfig rules) {
        Objects.requireNonNull(rules, "rules");
        RuleEngine engine = compiled;
        if (engine == null || !rules.equals(config)) {
            engine = RuleEngine.of(rules);
            compiled = engine;
            config = rules;
        }
        return engine.withOwnCache();
    }
}
