package dev.perfplatform.jmx.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;

/** Reads {@code targets:} into {@link TargetConfig}s; credentials come from {@code ${ENV}} references only. */
final class TargetsSection {

    private static final Set<String> KEYS = Set.of("name", "url", "username", "password", "deadline", "labels");
    private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9_.-]+");
    private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");
    private static final Pattern ENV = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");
    private static final Pattern SHORT_DURATION = Pattern.compile("(\\d+)(ms|s|m|h)");

    private TargetsSection() {}

    static List<TargetConfig> read(YamlReader yaml, Node node, Function<String, @Nullable String> env) {
        List<TargetConfig> targets = new ArrayList<>();
        Set<String> names = new HashSet<>();
        List<Node> items = yaml.sequence(node, "targets");
        for (int i = 0; i < items.size(); i++) {
            TargetConfig target = target(yaml, items.get(i), "targets[" + i + "]", env);
            if (!names.add(target.name())) {
                throw yaml.error(
                        items.get(i), "targets[" + i + "].name", "'" + target.name() + "' is used by another target");
            }
            targets.add(target);
        }
        return targets;
    }

    private static TargetConfig target(YamlReader yaml, Node node, String key, Function<String, @Nullable String> env) {
        Map<String, NodeTuple> entries = yaml.mapping(node, key);
        for (Map.Entry<String, NodeTuple> entry : entries.entrySet()) {
            if (!KEYS.contains(entry.getKey())) {
                throw yaml.error(
                        entry.getValue().getKeyNode(),
                        key + "." + entry.getKey(),
                        "unknown key (a target has " + String.join(", ", RulesSection.sorted(KEYS)) + ")");
            }
        }
        Node nameNode = required(yaml, node, entries, key, "name");
        String name = yaml.string(nameNode, key + ".name");
        if (!NAME.matcher(name).matches()) {
            throw yaml.error(nameNode, key + ".name", "'" + name + "' must match [a-zA-Z0-9_.-]+");
        }
        Node urlNode = required(yaml, node, entries, key, "url");
        URI url = url(yaml, urlNode, key + ".url", yaml.string(urlNode, key + ".url"));
        String username = null;
        if (entries.containsKey("username")) {
            Node usernameNode = entries.get("username").getValueNode();
            username =
                    resolve(yaml, usernameNode, key + ".username", yaml.string(usernameNode, key + ".username"), env);
        }
        String password = null;
        if (entries.containsKey("password")) {
            Node passwordNode = entries.get("password").getValueNode();
            String reference = yaml.string(passwordNode, key + ".password");
            if (!ENV.matcher(reference).matches()) {
                throw yaml.error(
                        passwordNode,
                        key + ".password",
                        "must be a ${ENVIRONMENT_VARIABLE} reference: secrets come only from the environment");
            }
            password = resolve(yaml, passwordNode, key + ".password", reference, env);
        }
        Duration deadline = TargetConfig.DEFAULT_DEADLINE;
        if (entries.containsKey("deadline")) {
            Node deadlineNode = entries.get("deadline").getValueNode();
            deadline = duration(yaml, deadlineNode, key + ".deadline", yaml.anyScalar(deadlineNode, key + ".deadline"));
        }
        Map<String, String> labels = Map.of();
        if (entries.containsKey("labels")) {
            Node labelsNode = entries.get("labels").getValueNode();
            labels = yaml.stringMap(labelsNode, key + ".labels");
            for (String label : labels.keySet()) {
                if (!LABEL_NAME.matcher(label).matches() || label.startsWith("__")) {
                    throw yaml.error(labelsNode, key + ".labels." + label, "not a valid Prometheus label name");
                }
            }
        }
        return new TargetConfig(name, url, username, password, deadline, labels);
    }

    private static Node required(YamlReader yaml, Node node, Map<String, NodeTuple> entries, String key, String field) {
        NodeTuple tuple = entries.get(field);
        if (tuple == null) {
            throw yaml.error(node, key + "." + field, "is required");
        }
        return tuple.getValueNode();
    }

    private static URI url(YamlReader yaml, Node node, String key, String text) {
        try {
            URI url = new URI(text);
            if (!("http".equals(url.getScheme()) || "https".equals(url.getScheme())) || url.getHost() == null) {
                throw yaml.error(node, key, "'" + text + "' must be an http or https URL with a host");
            }
            return url;
        } catch (URISyntaxException e) {
            throw yaml.error(node, key, "'" + text + "' is not a URL: " + e.getReason());
        }
    }

    /** Replaces every {@code ${NAME}} with the environment variable; the error names the variable, never a value. */
    private static String resolve(
            YamlReader yaml, Node node, String key, String text, Function<String, @Nullable String> env) {
        Matcher matcher = ENV.matcher(text);
        StringBuilder result = new StringBuilder();
        while (matcher.find()) {
            String value = env.apply(matcher.group(1));
            if (value == null) {
                throw yaml.error(node, key, "environment variable " + matcher.group(1) + " is not set");
            }
            matcher.appendReplacement(result, Matcher.quoteReplacement(value));
        }
        return matcher.appendTail(result).toString();
    }

    /** {@code 500ms}, {@code 5s}, {@code 1m}, {@code 2h} or ISO-8601 ({@code PT5S}); positive. */
    static Duration duration(YamlReader yaml, Node node, String key, String text) {
        Duration duration;
        Matcher shortForm = SHORT_DURATION.matcher(text.trim());
        try {
            if (shortForm.matches()) {
                long amount = Long.parseLong(shortForm.group(1));
                duration = switch (shortForm.group(2)) {
                    case "ms" -> Duration.ofMillis(amount);
                    case "s" -> Duration.ofSeconds(amount);
                    case "m" -> Duration.ofMinutes(amount);
                    default -> Duration.ofHours(amount);
                };
            } else {
                duration = Duration.parse(text.trim());
            }
        } catch (DateTimeParseException | NumberFormatException | ArithmeticException e) {
            throw yaml.error(node, key, "'" + text + "' is not a duration (500ms, 5s, 1m, 2h or ISO-8601 like PT5S)");
        }
        if (duration.isNegative() || duration.isZero()) {
            throw yaml.error(node, key, "'" + text + "' must be longer than zero");
        }
        return duration;
    }
}
