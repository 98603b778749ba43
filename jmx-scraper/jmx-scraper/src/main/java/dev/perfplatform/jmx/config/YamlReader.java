package dev.perfplatform.jmx.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/** Typed reads of SnakeYAML nodes whose every error and warning names the source, line and key. */
final class YamlReader {

    private final String source;
    private final List<ConfigWarning> warnings = new ArrayList<>();
    private final ScalarConstructor constructor = new ScalarConstructor();

    private static final class ScalarConstructor extends SafeConstructor {
        ScalarConstructor() {
            super(new LoaderOptions());
        }

        @Nullable
        Object scalar(Node node) {
            return constructObject(node);
        }
    }

    YamlReader(String source) {
        this.source = source;
    }

    static int line(Node node) {
        return node.getStartMark().getLine() + 1;
    }

    ConfigException error(Node node, String key, String problem) {
        return new ConfigException(source, line(node), key, problem, null);
    }

    void warn(Node node, String key, String message) {
        warnings.add(new ConfigWarning(source, line(node), key, message));
    }

    List<ConfigWarning> warnings() {
        return warnings;
    }

    String source() {
        return source;
    }

    /** The mapping's entries by key, in file order; a repeated key warns and the last one wins (as SnakeYAML's load). */
    Map<String, NodeTuple> mapping(Node node, String key) {
        if (!(node instanceof MappingNode mapping)) {
            throw error(node, key, "must be a mapping");
        }
        Map<String, NodeTuple> entries = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            if (!(tuple.getKeyNode() instanceof ScalarNode keyNode) || !Tag.STR.equals(keyNode.getTag())) {
                throw error(tuple.getKeyNode(), key, "keys must be strings");
            }
            if (entries.put(keyNode.getValue(), tuple) != null) {
                warn(keyNode, join(key, keyNode.getValue()), "appears twice; the last one is used");
            }
        }
        return entries;
    }

    List<Node> sequence(Node node, String key) {
        if (!(node instanceof SequenceNode sequence)) {
            throw error(node, key, "must be a list");
        }
        return sequence.getValue();
    }

    boolean isNull(Node node) {
        return node instanceof ScalarNode scalar && Tag.NULL.equals(scalar.getTag());
    }

    /** A string, as jmx_exporter's {@code (String)} cast accepts it; null for a YAML null. */
    @Nullable
    String stringOrNull(Node node, String key) {
        if (isNull(node)) {
            return null;
        }
        if (!(node instanceof ScalarNode scalar) || !Tag.STR.equals(scalar.getTag())) {
            throw error(node, key, "must be a string");
        }
        return scalar.getValue();
    }

    String string(Node node, String key) {
        String value = stringOrNull(node, key);
        if (value == null) {
            throw error(node, key, "must be a string, not null");
        }
        return value;
    }

    /** Any scalar as jmx_exporter's {@code String.valueOf(...)} of the loaded object reads it. */
    String anyScalar(Node node, String key) {
        if (!(node instanceof ScalarNode)) {
            throw error(node, key, "must be a single value");
        }
        return String.valueOf(constructor.scalar(node));
    }

    boolean bool(Node node, String key) {
        if (!(node instanceof ScalarNode scalar) || !Tag.BOOL.equals(scalar.getTag())) {
            throw error(node, key, "must be true or false");
        }
        return Boolean.TRUE.equals(constructor.scalar(node));
    }

    List<String> strings(Node node, String key) {
        List<String> result = new ArrayList<>();
        List<Node> items = sequence(node, key);
        for (int i = 0; i < items.size(); i++) {
            result.add(string(items.get(i), key + "[" + i + "]"));
        }
        return result;
    }

    /** A mapping of strings to strings, in file order. */
    Map<String, String> stringMap(Node node, String key) {
        Map<String, String> result = new LinkedHashMap<>();
        for (Map.Entry<String, NodeTuple> entry : mapping(node, key).entrySet()) {
            result.put(entry.getKey(), string(entry.getValue().getValueNode(), join(key, entry.getKey())));
        }
        return result;
    }

    static String join(String parent, String key) {
        return parent.isEmpty() ? key : parent + "." + key;
    }
}
