package dev.perfplatform.jmx.internal.rules;

import dev.perfplatform.jmx.config.RuleConfig;
import dev.perfplatform.jmx.config.RulesConfig;
import dev.perfplatform.jmx.model.JmxAttribute;
import dev.perfplatform.jmx.model.MetricType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds synthetic attributes and rules for the rule tests. */
final class Attributes {

    private Attributes() {}

    /** An attribute of {@code objectName} (properties split on ',' in the order written; no quoted commas). */
    static JmxAttribute attr(String objectName, List<String> attrKeys, String attrName, Object value) {
        int colon = objectName.indexOf(':');
        Map<String, String> properties = new LinkedHashMap<>();
        for (String property : objectName.substring(colon + 1).split(",")) {
            int equals = property.indexOf('=');
            properties.put(property.substring(0, equals), property.substring(equals + 1));
        }
        return new JmxAttribute(
                objectName, objectName.substring(0, colon), properties, attrKeys, attrName, "long", attrName, value);
    }

    static JmxAttribute attr(String objectName, String attrName, Object value) {
        return attr(objectName, List.of(), attrName, value);
    }

    static RuleConfig rule(String pattern, String name) {
        return new RuleConfig(pattern, name, null, 1.0, Map.of(), null, MetricType.UNKNOWN, false, false);
    }

    static RuleConfig rule(String pattern, String name, MetricType type, Map<String, String> labels) {
        return new RuleConfig(pattern, name, null, 1.0, labels, null, type, false, false);
    }

    static RulesConfig rules(RuleConfig... rules) {
        return rules(false, false, rules);
    }

    static RulesConfig rules(boolean lowercaseName, boolean lowercaseLabels, RuleConfig... rules) {
        return new RulesConfig(
                lowercaseName, lowercaseLabels, List.of(), List.of(), Map.of(), Map.of(), List.of(rules));
    }

    /** The families as Prometheus-like text lines, {@code name{labels} value (TYPE)}, for exact assertions. */
    static List<String> lines(List<dev.perfplatform.jmx.model.MetricFamily> families) {
        return families.stream()
                .flatMap(family -> family.samples().stream().map(sample -> {
                    StringBuilder line = new StringBuilder(family.name());
                    if (sample.labels().size() > 0) {
                        line.append('{');
                        for (int i = 0; i < sample.labels().size(); i++) {
                            line.append(i == 0 ? "" : ",")
                                    .append(sample.labels().names().get(i))
                                    .append("=\"")
                                    .append(sample.labels().values().get(i))
                                    .append('"');
                        }
                        line.append('}');
                    }
                    return line.append(' ')
                            .append(sample.value())
                            .append(" (")
                            .append(family.type())
                            .append(')')
                            .toString();
                }))
                .toList();
    }
}
