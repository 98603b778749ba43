package dev.perfplatform.jmx.config;

import dev.perfplatform.jmx.model.MetricType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;

/**
 * Reads the top-level keys of a jmx_exporter 1.0.1 rules file into a {@link RulesConfig}, checking what can be
 * checked without the rules engine: keys, types, and that each pattern is a regular expression. What only compiling
 * a rule finds (a reference to a group its pattern lacks, {@code name} without {@code pattern}) is reported by the
 * engine at the rule's {@link RuleConfig#origin() origin}.
 */
final class RulesSection {

    /** jmx_exporter 1.0.1 keys that mean nothing when the transport is Jolokia. */
    static final Set<String> IGNORED =
            Set.of("hostPort", "jmxUrl", "username", "password", "ssl", "startDelaySeconds", "httpServer");

    static final Set<String> KEYS = Set.of(
            "lowercaseOutputName",
            "lowercaseOutputLabelNames",
            "includeObjectNames",
            "whitelistObjectNames",
            "excludeObjectNames",
            "blacklistObjectNames",
            "includeObjectNameAttributes",
            "excludeObjectNameAttributes",
            "autoExcludeObjectNameAttributes",
            "rules");

    private static final Set<String> RULE_KEYS =
            Set.of("pattern", "name", "value", "valueFactor", "labels", "help", "type", "attrNameSnakeCase", "cache");

    private RulesSection() {}

    static RulesConfig read(YamlReader yaml, Map<String, NodeTuple> top) {
        for (Map.Entry<String, NodeTuple> entry : top.entrySet()) {
            if (IGNORED.contains(entry.getKey())) {
                yaml.warn(
                        entry.getValue().getKeyNode(),
                        entry.getKey(),
                        "ignored: jmx-scraper reaches each target through its Jolokia agent (see targets)");
            }
        }
        boolean lowercaseName = flag(yaml, top, "lowercaseOutputName");
        boolean lowercaseLabels = flag(yaml, top, "lowercaseOutputLabelNames");
        List<String> include = objectNames(yaml, top, "includeObjectNames", "whitelistObjectNames");
        List<String> exclude = new ArrayList<>(objectNames(yaml, top, "excludeObjectNames", "blacklistObjectNames"));
        String includeUsed = top.containsKey("includeObjectNames") ? "includeObjectNames" : "whitelistObjectNames";
        NodeTuple includeKey = top.get(includeUsed);
        if (includeKey != null && include.isEmpty()) {
            yaml.warn(includeKey.getKeyNode(), includeUsed, "is empty, so no MBean is read (as in jmx_exporter)");
            exclude.add("*:*");
        }
        if (top.containsKey("autoExcludeObjectNameAttributes")) {
            NodeTuple tuple = top.get("autoExcludeObjectNameAttributes");
            yaml.bool(tuple.getValueNode(), "autoExcludeObjectNameAttributes");
            yaml.warn(
                    tuple.getKeyNode(),
                    "autoExcludeObjectNameAttributes",
                    "has no effect: values that cannot be exported are skipped on every scrape");
        }
        List<RuleConfig> rules = new ArrayList<>();
        if (top.containsKey("rules")) {
            List<Node> items = yaml.sequence(top.get("rules").getValueNode(), "rules");
            for (int i = 0; i < items.size(); i++) {
                rules.add(rule(yaml, items.get(i), "rules[" + i + "]"));
            }
        } else {
            rules.add(RuleConfig.defaultRule());
        }
        return new RulesConfig(
                lowercaseName,
                lowercaseLabels,
                include,
                exclude,
                attributes(yaml, top, "includeObjectNameAttributes"),
                attributes(yaml, top, "excludeObjectNameAttributes"),
                rules);
    }

    private static boolean flag(YamlReader yaml, Map<String, NodeTuple> top, String key) {
        NodeTuple tuple = top.get(key);
        return tuple != null && yaml.bool(tuple.getValueNode(), key);
    }

    private static List<String> objectNames(YamlReader yaml, Map<String, NodeTuple> top, String key, String olderKey) {
        NodeTuple tuple = top.get(key);
        String used = key;
        if (tuple == null) {
            tuple = top.get(olderKey);
            used = olderKey;
        } else if (top.containsKey(olderKey)) {
            yaml.warn(
                    top.get(olderKey).getKeyNode(),
                    olderKey,
                    "ignored, as in jmx_exporter, because " + key + " is set");
        }
        if (tuple == null) {
            return List.of();
        }
        List<String> names = yaml.strings(tuple.getValueNode(), used);
        List<Node> nodes = yaml.sequence(tuple.getValueNode(), used);
        for (int i = 0; i < names.size(); i++) {
            objectName(yaml, nodes.get(i), used + "[" + i + "]", names.get(i));
        }
        return names;
    }

    private static ObjectName objectName(YamlReader yaml, Node node, String key, String name) {
        try {
            return new ObjectName(name);
        } catch (MalformedObjectNameException e) {
            throw yaml.error(node, key, "'" + name + "' is not a valid ObjectName: " + e.getMessage());
        }
    }

    private static Map<String, List<String>> attributes(YamlReader yaml, Map<String, NodeTuple> top, String key) {
        NodeTuple tuple = top.get(key);
        Map<String, List<String>> result = new LinkedHashMap<>();
        if (tuple == null) {
            return result;
        }
        for (Map.Entry<String, NodeTuple> entry :
                yaml.mapping(tuple.getValueNode(), key).entrySet()) {
            Node keyNode = entry.getValue().getKeyNode();
            ObjectName name = objectName(yaml, keyNode, key, entry.getKey());
            if (name.isPattern()) {
                yaml.warn(
                        keyNode,
                        key,
                        "'" + entry.getKey() + "' is a pattern; names are compared exactly, so it matches no MBean");
            }
            result.put(
                    name.getCanonicalName(), yaml.strings(entry.getValue().getValueNode(), key + "." + entry.getKey()));
        }
        return result;
    }

    private static RuleConfig rule(YamlReader yaml, Node node, String key) {
        Map<String, NodeTuple> entries = yaml.mapping(node, key);
        for (Map.Entry<String, NodeTuple> entry : entries.entrySet()) {
            if (!RULE_KEYS.contains(entry.getKey())) {
                throw yaml.error(
                        entry.getValue().getKeyNode(),
                        key + "." + entry.getKey(),
                        "unknown key (a rule has " + String.join(", ", sorted(RULE_KEYS)) + ")");
            }
        }
        String pattern = null;
        if (entries.containsKey("pattern")) {
            Node patternNode = entries.get("pattern").getValueNode();
            pattern = yaml.anyScalar(patternNode, key + ".pattern");
            if (yaml.isNull(patternNode)) {
                yaml.warn(patternNode, key + ".pattern", "is null, which jmx_exporter reads as the text 'null'");
            }
            try {
                Pattern.compile("^.*(?:" + pattern + ").*$");
            } catch (PatternSyntaxException e) {
                throw yaml.error(
                        patternNode, key + ".pattern", "not a valid regular expression: " + e.getDescription());
            }
        }
        String name = optionalString(yaml, entries, key, "name");
        String value = entries.containsKey("value")
                ? yaml.anyScalar(entries.get("value").getValueNode(), key + ".value")
                : null;
        double valueFactor = 1.0;
        if (entries.containsKey("valueFactor")) {
            Node factorNode = entries.get("valueFactor").getValueNode();
            String factor = yaml.anyScalar(factorNode, key + ".valueFactor");
            try {
                valueFactor = Double.parseDouble(factor);
            } catch (NumberFormatException e) {
                yaml.warn(
                        factorNode,
                        key + ".valueFactor",
                        "'" + factor + "' is not a number; 1.0 is used, as in jmx_exporter");
            }
        }
        Map<String, String> labels = entries.containsKey("labels")
                ? yaml.stringMap(entries.get("labels").getValueNode(), key + ".labels")
                : Map.of();
        String help = optionalString(yaml, entries, key, "help");
        MetricType type = MetricType.UNKNOWN;
        if (entries.containsKey("type")) {
            type = type(yaml, entries.get("type").getValueNode(), key + ".type");
        }
        boolean snakeCase = entries.containsKey("attrNameSnakeCase")
                && yaml.bool(entries.get("attrNameSnakeCase").getValueNode(), key + ".attrNameSnakeCase");
        boolean cache =
                entries.containsKey("cache") && yaml.bool(entries.get("cache").getValueNode(), key + ".cache");
        return new RuleConfig(
                pattern,
                name,
                value,
                valueFactor,
                labels,
                help,
                type,
                snakeCase,
                cache,
                new RuleConfig.Origin(yaml.source(), YamlReader.line(node)));
    }

    private static @Nullable String optionalString(
            YamlReader yaml, Map<String, NodeTuple> entries, String key, String field) {
        NodeTuple tuple = entries.get(field);
        return tuple == null ? null : yaml.stringOrNull(tuple.getValueNode(), key + "." + field);
    }

    private static MetricType type(YamlReader yaml, Node node, String key) {
        String type = yaml.string(node, key);
        return switch (type) {
            case "GAUGE" -> MetricType.GAUGE;
            case "COUNTER" -> MetricType.COUNTER;
            case "UNTYPED", "UNKNOWN" -> MetricType.UNKNOWN;
            default -> {
                yaml.warn(
                        node,
                        key,
                        "'" + type + "' is not GAUGE, COUNTER or UNTYPED, so the metric is UNKNOWN"
                                + " (jmx_exporter 1.0.1 does the same; types are case-sensitive)");
                yield MetricType.UNKNOWN;
            }
        };
    }

    static List<String> sorted(Set<String> keys) {
        return keys.stream().sorted().toList();
    }
}
