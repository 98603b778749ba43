package dev.perfplatform.jmx.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The part of the configuration a jmx_exporter 1.0.1 rules file holds (its connection keys are not here: a
 * target's connection is a {@link TargetConfig}).
 *
 * @param lowercaseOutputName lowercase metric names
 * @param lowercaseOutputLabelNames lowercase label names
 * @param includeObjectNames ObjectName patterns to read; empty reads every MBean
 * @param excludeObjectNames ObjectName patterns never read (they win over includes)
 * @param includeObjectNameAttributes per exact ObjectName, the only attributes read
 * @param excludeObjectNameAttributes per exact ObjectName, attributes never read
 * @param rules the rules, first match wins; a file without {@code rules:} has the one default rule
 */
public record RulesConfig(
        boolean lowercaseOutputName,
        boolean lowercaseOutputLabelNames,
        List<String> includeObjectNames,
        List<String> excludeObjectNames,
        Map<String, List<String>> includeObjectNameAttributes,
        Map<String, List<String>> excludeObjectNameAttributes,
        List<RuleConfig> rules) {

    public RulesConfig {
        includeObjectNames = List.copyOf(includeObjectNames);
        excludeObjectNames = List.copyOf(excludeObjectNames);
        includeObjectNameAttributes = Collections.unmodifiableMap(new LinkedHashMap<>(includeObjectNameAttributes));
        excludeObjectNameAttributes = Collections.unmodifiableMap(new LinkedHashMap<>(excludeObjectNameAttributes));
        rules = List.copyOf(rules);
    }

    /** What an empty rules file means: every MBean, every attribute, the default rule. */
    public static RulesConfig defaults() {
        return new RulesConfig(
                false, false, List.of(), List.of(), Map.of(), Map.of(), List.of(RuleConfig.defaultRule()));
    }
}
