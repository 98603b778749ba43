package dev.perfplatform.jmx.config;

import dev.perfplatform.jmx.model.MetricType;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One entry of {@code rules:}, with jmx_exporter 1.0.1's keys and defaults.
 *
 * <p>Two rules are equal when they mean the same, wherever they were written: {@link #origin()} is left out of
 * {@code equals} and {@code hashCode}, so moving a rule to another line changes nothing that depends on equality.
 *
 * @param pattern the regular expression, matched unanchored against the match string; null matches everything
 * @param name the metric name, with {@code $1} or {@code ${group}} references; null for the default format
 * @param value the value as a replacement string, parsed as a double; null takes the attribute's value
 * @param valueFactor multiplies the value (default 1.0)
 * @param labels label names to values, both with references
 * @param help the help text, with references; null for the default help
 * @param type the metric type (default {@link MetricType#UNKNOWN}, as jmx_exporter's UNTYPED)
 * @param attrNameSnakeCase whether the attribute's name is snake_cased in the match string
 * @param cache whether jmx_exporter would cache this rule's matches ({@code cache: true})
 * @param origin where the rule was written, so that a rule the engine cannot compile is reported there; null for
 *     a rule built in code
 */
public record RuleConfig(
        @Nullable String pattern,
        @Nullable String name,
        @Nullable String value,
        double valueFactor,
        Map<String, String> labels,
        @Nullable String help,
        MetricType type,
        boolean attrNameSnakeCase,
        boolean cache,
        @Nullable Origin origin) {

    /**
     * Where a rule was written.
     *
     * @param source the file (or other source) name
     * @param line the rule's first line, 1-based
     */
    public record Origin(String source, int line) {

        public Origin {
            Objects.requireNonNull(source, "source");
        }
    }

    public RuleConfig {
        labels = Collections.unmodifiableMap(new LinkedHashMap<>(labels));
    }

    /** A rule built in code, with no origin. */
    public RuleConfig(
            @Nullable String pattern,
            @Nullable String name,
            @Nullable String value,
            double valueFactor,
            Map<String, String> labels,
            @Nullable String help,
            MetricType type,
            boolean attrNameSnakeCase,
            boolean cache) {
        this(pattern, name, value, valueFactor, labels, help, type, attrNameSnakeCase, cache, null);
    }

    /** jmx_exporter's rule when a file has no {@code rules:}: every attribute in the default format. */
    public static RuleConfig defaultRule() {
        return new RuleConfig(null, null, null, 1.0, Map.of(), null, MetricType.UNKNOWN, false, false);
    }

    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof RuleConfig rule
                && Objects.equals(pattern, rule.pattern)
                && Objects.equals(name, rule.name)
                && Objects.equals(value, rule.value)
                && Double.compare(valueFactor, rule.valueFactor) == 0
                && labels.equals(rule.labels)
                && Objects.equals(help, rule.help)
                && type == rule.type
                && attrNameSnakeCase == rule.attrNameSnakeCase
                && cache == rule.cache;
    }

    @Override
    public int hashCode() {
        return Objects.hash(pattern, name, value, valueFactor, labels, help, type, attrNameSnakeCase, cache);
    }
}
