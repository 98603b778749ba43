package dev.perfplatform.jmx.config;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;

/**
 * Reads the scraper's YAML: {@code targets:} plus every key of a jmx_exporter 1.0.1 rules file, so an existing
 * rules file works unchanged. Keys that mean nothing over Jolokia give a {@link ConfigWarning}; unknown keys and
 * invalid values throw a {@link ConfigException} naming file, line and key. What only compiling a rule finds (a
 * reference to a group its pattern lacks) is left to the rules engine, which reports it at the rule's
 * {@link RuleConfig#origin() origin} when the scraper is built or a reload is checked.
 *
 * <pre>{@code
 * Loaded<ScraperConfig> loaded = ConfigLoader.load(Path.of("jmx-scraper.yml"));
 * loaded.warnings().forEach(w -> log.warn(w.toString()));
 * ScraperConfig config = loaded.value();
 * }</pre>
 */
public final class ConfigLoader {

    private ConfigLoader() {}

    /** Reads a scraper file, resolving {@code ${ENV}} references from the process environment. */
    public static Loaded<ScraperConfig> load(Path file) {
        return parse(file.toString(), read(file), System::getenv);
    }

    /** Reads a plain jmx_exporter rules file (a {@code targets:} key is ignored with a warning). */
    public static Loaded<RulesConfig> loadRules(Path file) {
        return parseRules(file.toString(), read(file));
    }

    /**
     * Parses scraper YAML.
     *
     * @param source the name errors and warnings give, usually the file's path
     * @param yaml the text
     * @param environment looks up {@code ${NAME}} references (null when unset)
     */
    public static Loaded<ScraperConfig> parse(
            String source, String yaml, Function<String, @Nullable String> environment) {
        Objects.requireNonNull(environment, "environment");
        YamlReader reader = new YamlReader(Objects.requireNonNull(source, "source"));
        Map<String, NodeTuple> top = top(reader, yaml);
        List<TargetConfig> targets = List.of();
        if (top.containsKey("targets")) {
            targets = TargetsSection.read(reader, top.get("targets").getValueNode(), environment);
        }
        RulesConfig rules = rules(reader, top, true);
        return new Loaded<>(new ScraperConfig(targets, rules), reader.warnings());
    }

    /** Parses a plain jmx_exporter rules file's YAML. */
    public static Loaded<RulesConfig> parseRules(String source, String yaml) {
        YamlReader reader = new YamlReader(Objects.requireNonNull(source, "source"));
        Map<String, NodeTuple> top = top(reader, yaml);
        if (top.containsKey("targets")) {
            reader.warn(top.get("targets").getKeyNode(), "targets", "ignored when only the rules are read");
        }
        return new Loaded<>(rules(reader, top, false), reader.warnings());
    }

    private static RulesConfig rules(YamlReader reader, Map<String, NodeTuple> top, boolean withTargets) {
        for (Map.Entry<String, NodeTuple> entry : top.entrySet()) {
            String key = entry.getKey();
            if (!RulesSection.KEYS.contains(key) && !RulesSection.IGNORED.contains(key) && !"targets".equals(key)) {
                throw reader.error(
                        entry.getValue().getKeyNode(),
                        key,
                        "unknown key (jmx_exporter 1.0.1 has no such key"
                                + (withTargets ? ", nor has jmx-scraper)" : ")"));
            }
        }
        return RulesSection.read(reader, top);
    }

    private static Map<String, NodeTuple> top(YamlReader reader, String yaml) {
        Node root;
        try (Reader text = new StringReader(Objects.requireNonNull(yaml, "yaml"))) {
            root = new Yaml(new LoaderOptions()).compose(text);
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
            throw new ConfigException(reader.source(), line, "(yaml)", String.valueOf(e.getProblem()), e);
        } catch (YAMLException | IOException e) {
            throw new ConfigException(reader.source(), 0, "(yaml)", String.valueOf(e.getMessage()), e);
        }
        if (root == null || reader.isNull(root)) {
            return Map.of();
        }
        return reader.mapping(root, "(top level)");
    }

    private static String read(Path file) {
        Objects.requireNonNull(file, "file");
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigException(file.toString(), 0, "(file)", "cannot be read: " + e, e);
        }
    }
}
