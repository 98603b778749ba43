package dev.perfplatform.jmx.internal.rules;

import dev.perfplatform.jmx.config.ConfigException;
import dev.perfplatform.jmx.config.RuleConfig;
import dev.perfplatform.jmx.model.MetricType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.jspecify.annotations.Nullable;

/** One rule, compiled once: the wrapped pattern, parsed replacements, and whether its match can be cached. */
final class CompiledRule {

    private static final LongAdder COMPILATIONS = new LongAdder();

    final int index;
    final @Nullable String patternText;
    final @Nullable Pattern pattern;
    final @Nullable Replacement name;
    final @Nullable Replacement value;
    final @Nullable Replacement help;
    final List<Replacement> labelNames;
    final List<Replacement> labelValues;
    final double valueFactor;
    final MetricType type;
    final boolean attrNameSnakeCase;
    final boolean cache;
    /** Whether the match outcome depends only on the attribute's identity (for numeric or boolean values). */
    final boolean valueBlind;

    private CompiledRule(int index, RuleConfig rule, @Nullable Pattern pattern) {
        this.index = index;
        this.patternText = rule.pattern();
        this.pattern = pattern;
        this.name = pattern == null || rule.name() == null ? null : Replacement.parse(rule.name(), pattern);
        String valueText = rule.value();
        this.value = valueText == null || valueText.isEmpty() || pattern == null
                ? null
                : Replacement.parse(valueText, pattern);
        this.help = pattern == null || rule.help() == null ? null : Replacement.parse(rule.help(), pattern);
        List<Replacement> names = new ArrayList<>();
        List<Replacement> values = new ArrayList<>();
        if (pattern != null) {
            for (Map.Entry<String, String> label : new TreeMap<>(rule.labels()).entrySet()) {
                names.add(Replacement.parse(label.getKey(), pattern));
                values.add(Replacement.parse(label.getValue(), pattern));
            }
        }
        this.labelNames = List.copyOf(names);
        this.labelValues = List.copyOf(values);
        this.valueFactor = rule.valueFactor();
        this.type = rule.type();
        this.attrNameSnakeCase = rule.attrNameSnakeCase();
        this.cache = rule.cache();
        this.valueBlind = cache || patternText == null || ValueBlindness.isValueBlind(patternText);
    }

    /**
     * Compiles rule number {@code index} as jmx_exporter 1.0.1 does, rejecting what 1.0.1 would fail on at load
     * or at its first match.
     *
     * @throws ConfigException at the rule's origin, naming {@code rules[index]} and what is wrong, when the rule
     *     has an origin; otherwise an {@link IllegalArgumentException} reading {@code rules[index]: <what is wrong>}
     */
    static CompiledRule compile(int index, RuleConfig rule) {
        COMPILATIONS.increment();
        String patternText = rule.pattern();
        if (patternText == null) {
            if (rule.name() != null) {
                throw invalid(index, rule, "name needs a pattern", null);
            }
            if (rule.value() != null && !rule.value().isEmpty()) {
                throw invalid(index, rule, "value needs a pattern", null);
            }
        }
        if (rule.name() == null && (rule.help() != null || !rule.labels().isEmpty())) {
            throw invalid(index, rule, "help and labels need a name", null);
        }
        Pattern pattern = null;
        if (patternText != null) {
            try {
                pattern = Pattern.compile("^.*(?:" + patternText + ").*$");
            } catch (PatternSyntaxException e) {
                throw invalid(index, rule, "pattern: " + e.getDescription(), e);
            }
        }
        try {
            return new CompiledRule(index, rule, pattern);
        } catch (IllegalArgumentException e) {
            throw invalid(index, rule, String.valueOf(e.getMessage()), e);
        }
    }

    /** How many rules were compiled in this JVM, for tests that prove each rule is compiled once. */
    static long compilations() {
        return COMPILATIONS.sum();
    }

    private static RuntimeException invalid(int index, RuleConfig rule, String problem, @Nullable Throwable cause) {
        String key = "rules[" + index + "]";
        RuleConfig.Origin origin = rule.origin();
        if (origin == null) {
            return new IllegalArgumentException(key + ": " + problem, cause);
        }
        // No cause: the message is the whole diagnosis, and it stays the root cause a framework reports last.
        return new ConfigException(origin.source(), origin.line(), key, problem, null);
    }
}
