package dev.perfplatform.jmx.internal.rules;

import dev.perfplatform.jmx.MetricMapper;
import dev.perfplatform.jmx.config.RuleConfig;
import dev.perfplatform.jmx.config.RulesConfig;
import dev.perfplatform.jmx.model.JmxAttribute;
import dev.perfplatform.jmx.model.Labels;
import dev.perfplatform.jmx.model.MatchTrace;
import dev.perfplatform.jmx.model.MetricFamily;
import dev.perfplatform.jmx.model.MetricType;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * jmx_exporter 1.0.1's rules as a {@link MetricMapper}.
 *
 * <p>A rule-match cache is on by default: an attribute's winning rule with its name, labels and help is kept
 * per attribute identity when {@link ValueBlindness} proves that neither the winning rule nor any rule before it
 * can see the value ({@code cache: true} rules never see it), so only the value is read on later passes.
 * Entries an attribute did not use in the latest {@link #map} are evicted. The engine is thread-safe; the cache
 * works best with one engine per target ({@link #withOwnCache()} shares the compiled rules, and
 * {@link RuleEngines} compiles a configuration once for all targets), since each {@code map} evicts what it did not
 * see.
 *
 * <pre>{@code
 * MetricMapper mapper = RuleEngine.of(ConfigLoader.loadRules(path).value());
 * List<MetricFamily> families = mapper.map(source.read(deadline));
 * }</pre>
 */
public final class RuleEngine implements MetricMapper {

    private final List<CompiledRule> rules;
    private final AttributeMatcher matcher;
    private final @Nullable MatchCache cache;

    private RuleEngine(List<CompiledRule> rules, AttributeMatcher matcher, boolean cached) {
        this.rules = rules;
        this.matcher = matcher;
        this.cache = cached ? new MatchCache() : null;
    }

    /**
     * An engine for {@code config}, with the match cache on.
     *
     * @throws dev.perfplatform.jmx.config.ConfigException at the rule's {@link RuleConfig#origin() origin} when a
     *     rule read from a file is invalid (bad pattern, a reference to a group the pattern lacks, {@code name}
     *     without {@code pattern}, {@code help} or {@code labels} without {@code name})
     * @throws IllegalArgumentException reading {@code rules[i]: <what is wrong>} when a rule built in code is
     *     invalid
     */
    public static RuleEngine of(RulesConfig config) {
        return of(config, true);
    }

    /** An engine for {@code config}, with the match cache on or off (the output is the same). */
    public static RuleEngine of(RulesConfig config, boolean cached) {
        Objects.requireNonNull(config, "config");
        List<CompiledRule> compiled = new ArrayList<>(config.rules().size());
        for (RuleConfig rule : config.rules()) {
            compiled.add(CompiledRule.compile(compiled.size(), rule));
        }
        List<CompiledRule> rules = List.copyOf(compiled);
        return new RuleEngine(
                rules,
                new AttributeMatcher(rules, config.lowercaseOutputName(), config.lowercaseOutputLabelNames()),
                cached);
    }

    /** An engine with the same compiled rules and its own cache (off if this one's is off), for another target. */
    public RuleEngine withOwnCache() {
        return new RuleEngine(rules, matcher, cache != null);
    }

    @Override
    public List<MetricFamily> map(List<JmxAttribute> attributes) {
        FamilyAssembler families = new FamilyAssembler();
        MatchCache cache = this.cache;
        long pass = cache == null ? 0 : cache.begin();
        for (JmxAttribute attribute : attributes) {
            try {
                Outcome outcome = cache == null ? null : cache.get(attribute, pass);
                if (outcome == null) {
                    AttributeMatcher.Evaluation evaluation = matcher.evaluate(attribute);
                    outcome = evaluation.outcome();
                    if (cache != null) {
                        cache.put(attribute, evaluation, pass);
                    }
                }
                if (outcome instanceof Outcome.Matched matched) {
                    Double value = matched.valueOf(attribute.value());
                    if (value != null) {
                        families.add(matched, value);
                    }
                }
            } catch (RuntimeException oddInput) {
                // odd input drops its attribute, never the page
            }
        }
        if (cache != null) {
            cache.end(pass);
        }
        return families.families();
    }

    @Override
    public List<MatchTrace> trace(List<JmxAttribute> attributes) {
        List<MatchTrace> traces = new ArrayList<>(attributes.size());
        for (JmxAttribute attribute : attributes) {
            traces.add(trace(attribute));
        }
        return traces;
    }

    private MatchTrace trace(JmxAttribute attribute) {
        AttributeMatcher.Evaluation evaluation;
        try {
            evaluation = matcher.evaluate(attribute);
        } catch (RuntimeException e) {
            return new MatchTrace(
                    AttributeMatcher.prefix(attribute) + attribute.attrName(), null, null, "dropped: " + e);
        }
        Outcome outcome = evaluation.outcome();
        if (outcome instanceof Outcome.Matched matched) {
            Double value = matched.valueOf(attribute.value());
            String series = matched.family()
                    + (matched.type() == MetricType.COUNTER ? "_total" : "")
                    + format(matched.labels());
            return new MatchTrace(
                    evaluation.matchString(),
                    matched.ruleIndex(),
                    rules.get(matched.ruleIndex()).patternText,
                    value == null
                            ? "dropped: the value is not a number or boolean (" + series + ")"
                            : series + " " + value);
        }
        if (outcome instanceof Outcome.Dropped dropped) {
            return new MatchTrace(
                    evaluation.matchString(),
                    dropped.ruleIndex(),
                    rules.get(dropped.ruleIndex()).patternText,
                    "dropped: " + dropped.reason());
        }
        return new MatchTrace(evaluation.matchString(), null, null, "no rule matched");
    }

    private static String format(Labels labels) {
        if (labels.size() == 0) {
            return "";
        }
        StringBuilder text = new StringBuilder("{");
        for (int i = 0; i < labels.size(); i++) {
            text.append(i == 0 ? "" : ",")
                    .append(labels.names().get(i))
                    .append("=\"")
                    .append(labels.values()
                            .get(i)
                            .replace("\\", "\\\\")
                            .replace("\"", "\\\"")
                            .replace("\n", "\\n"))
                    .append('"');
        }
        return text.append('}').toString();
    }

    /** How many attribute outcomes the cache holds (for self-metrics and tests). */
    public int cachedAttributes() {
        return cache == null ? 0 : cache.size();
    }
}
