package dev.perfplatform.jmx.config;

import dev.perfplatform.jmx.model.MetricType;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One entry of {@code rules:}, with jmx_exporter 1.0.1's keys and defaults.
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
        boolean cache) {

    public RuleConfig {
        labels = Collections.unmodifiableMap(new LinkedHashMap<>(labels));
    }

    /** jmx_exporter's rule when a file has no {@code rules:}: every attribute in the default format. */
    public static RuleConfig defaultRule() {
        return new RuleConfig(null, null, null, 1.0, Map.of(), null, MetricType.UNKNOWN, false, false);
    }
}
