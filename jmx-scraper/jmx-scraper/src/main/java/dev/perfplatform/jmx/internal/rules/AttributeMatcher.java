package dev.perfplatform.jmx.internal.rules;

import dev.perfplatform.jmx.model.JmxAttribute;
import dev.perfplatform.jmx.model.Labels;
import java.util.Date;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import org.jspecify.annotations.Nullable;

/** Runs the rules over one attribute exactly as jmx_exporter 1.0.1's {@code Receiver.recordBean} does. */
final class AttributeMatcher {

    private final List<CompiledRule> rules;
    private final boolean lowercaseOutputName;
    private final boolean lowercaseOutputLabelNames;

    /**
     * The result of one evaluation.
     *
     * @param outcome what the rules made of the attribute
     * @param matchString the winning rule's match string (or the plain one when none won), for the debug page
     * @param cacheable whether the outcome is the same for every numeric or boolean value
     * @param anyValue whether it is the same for every value at all (only rules that never see the value ran)
     */
    record Evaluation(Outcome outcome, String matchString, boolean cacheable, boolean anyValue) {}

    AttributeMatcher(List<CompiledRule> rules, boolean lowercaseOutputName, boolean lowercaseOutputLabelNames) {
        this.rules = rules;
        this.lowercaseOutputName = lowercaseOutputName;
        this.lowercaseOutputLabelNames = lowercaseOutputLabelNames;
    }

    /**
     * jmx_exporter 1.0.1's hard-coded skips: java.lang:type=Runtime's SystemProperties, ClassPath, BootClassPath
     * and LibraryPath, and everything of jdk.management.jfr:type=FlightRecorder (compared with the name as
     * registered, and the top-level attribute's name ignoring case, as its scraper does).
     */
    static boolean isSkipped(JmxAttribute attribute) {
        if (attribute.objectName().equals("jdk.management.jfr:type=FlightRecorder")) {
            return true;
        }
        if (!attribute.objectName().equals("java.lang:type=Runtime")) {
            return false;
        }
        String topLevel = attribute.attrKeys().isEmpty()
                ? attribute.attrName()
                : attribute.attrKeys().get(0);
        return topLevel.equalsIgnoreCase("SystemProperties")
                || topLevel.equalsIgnoreCase("ClassPath")
                || topLevel.equalsIgnoreCase("BootClassPath")
                || topLevel.equalsIgnoreCase("LibraryPath");
    }

    /** jmx_exporter's scraper hands a Date over as epoch seconds (a Double); everything else as it is. */
    @SuppressWarnings("JavaUtilDate") // MBeans expose java.util.Date; this is where it becomes a number
    static Object normalize(Object value) {
        return value instanceof Date date ? Double.valueOf(date.getTime() / 1000.0) : value;
    }

    Evaluation evaluate(JmxAttribute attribute) {
        if (isSkipped(attribute)) {
            return new Evaluation(new Outcome.Unmatched(), prefix(attribute) + attribute.attrName(), true, true);
        }
        String prefix = prefix(attribute);
        String value = String.valueOf(normalize(attribute.value()));
        boolean cacheable = !hasLineTerminator(prefix) && !hasLineTerminator(attribute.attrName());
        boolean anyValue = true;
        String plainMatch = prefix + attribute.attrName() + ": " + value;
        for (CompiledRule rule : rules) {
            cacheable &= rule.valueBlind;
            anyValue &= rule.cache || rule.pattern == null;
            String attrName = rule.attrNameSnakeCase ? Naming.snakeCase(attribute.attrName()) : attribute.attrName();
            String matchString = prefix + attrName + ": " + (rule.cache ? "<cache>" : value);
            Matcher matcher = null;
            if (rule.pattern != null) {
                matcher = rule.pattern.matcher(matchString);
                if (!matcher.matches()) {
                    continue;
                }
            }
            Outcome outcome = matched(rule, matcher, matchString, attribute, attrName);
            return new Evaluation(outcome, matchString, cacheable, anyValue);
        }
        return new Evaluation(new Outcome.Unmatched(), plainMatch, cacheable, anyValue);
    }

    private Outcome matched(
            CompiledRule rule, @Nullable Matcher matcher, String matchString, JmxAttribute attribute, String attrName) {
        boolean wholeMatch = !hasLineTerminator(matchString);
        Double constant = null;
        if (rule.value != null && matcher != null) {
            String text = expand(rule.value, matcher, wholeMatch);
            try {
                constant = Double.valueOf(text);
            } catch (NumberFormatException e) {
                return new Outcome.Dropped(rule.index, "value '" + text + "' is not a number");
            }
        }
        String objectName = matchString.substring(0, matchString.lastIndexOf(':'));
        String help = defaultHelp(attribute);
        String name;
        TreeMap<String, String> labels = new TreeMap<>();
        if (rule.name == null || matcher == null) {
            name = defaultName(attribute, attrName);
            Iterator<Map.Entry<String, String>> properties =
                    attribute.beanProperties().entrySet().iterator();
            if (properties.hasNext()) {
                properties.next(); // the first property's value is in the name
            }
            while (properties.hasNext()) {
                Map.Entry<String, String> property = properties.next();
                String labelName = Naming.safeName(property.getKey());
                String dropped = addLabel(
                        labels,
                        lowercaseOutputLabelNames ? Naming.lowercase(labelName) : labelName,
                        property.getValue());
                if (dropped != null) {
                    return new Outcome.Dropped(rule.index, dropped);
                }
            }
        } else {
            name = Naming.safeName(expand(rule.name, matcher, wholeMatch));
            if (name.isEmpty()) {
                return new Outcome.Dropped(rule.index, "the name is empty");
            }
            if (lowercaseOutputName) {
                name = Naming.lowercase(name);
            }
            if (rule.help != null) {
                help = expand(rule.help, matcher, wholeMatch);
            }
            for (int i = 0; i < rule.labelNames.size(); i++) {
                String labelName = Naming.safeName(expand(rule.labelNames.get(i), matcher, wholeMatch));
                String labelValue = expand(rule.labelValues.get(i), matcher, wholeMatch);
                if (lowercaseOutputLabelNames) {
                    labelName = Naming.lowercase(labelName);
                }
                String dropped = addLabel(labels, labelName, labelValue);
                if (dropped != null) {
                    return new Outcome.Dropped(rule.index, dropped);
                }
            }
        }
        return new Outcome.Matched(
                rule.index,
                Naming.metricFamilyName(name),
                rule.type,
                help,
                Labels.of(labels),
                objectName,
                constant,
                rule.valueFactor);
    }

    /** Adds a label as jmx_exporter does (empty name or value: left out); a name client_java rejects drops the sample. */
    private static @Nullable String addLabel(Map<String, String> labels, String name, String value) {
        if (name.isEmpty() || value.isEmpty()) {
            return null;
        }
        if (!Naming.isValidLabelName(name)) {
            return "label name '" + name + "' is not valid";
        }
        if (labels.putIfAbsent(name, value) != null) {
            return "label name '" + name + "' appears twice";
        }
        return null;
    }

    private static String expand(Replacement replacement, Matcher matcher, boolean wholeMatch) {
        // With no line terminator the wrapped pattern's first find() is the whole-input match, so replaceAll
        // gives exactly the expansion; otherwise let replaceAll do what it does.
        return wholeMatch ? replacement.expand(matcher) : matcher.replaceAll(replacement.text());
    }

    private String defaultName(JmxAttribute attribute, String attrName) {
        StringBuilder name = new StringBuilder(attribute.domain());
        Iterator<String> values = attribute.beanProperties().values().iterator();
        if (values.hasNext()) {
            name.append('_').append(values.next());
        }
        for (String key : attribute.attrKeys()) {
            name.append('_').append(key);
        }
        name.append('_').append(attrName);
        String safe = Naming.safeName(name.toString());
        return lowercaseOutputName ? Naming.lowercase(safe) : safe;
    }

    private static String defaultHelp(JmxAttribute attribute) {
        String help = attribute.domain() + ":name=" + attribute.property("name") + ",type=" + attribute.property("type")
                + ",attribute=" + attribute.attrName();
        String description = attribute.attrDescription();
        return description.isEmpty() || description.equals(attribute.attrName()) ? help : description + " " + help;
    }

    /** {@code domain<k1=v1, k2=v2><key1, key2>}, as jmx_exporter builds it from LinkedHashMap and LinkedList. */
    static String prefix(JmxAttribute attribute) {
        StringBuilder prefix = new StringBuilder(attribute.domain()).append('<');
        boolean first = true;
        for (Map.Entry<String, String> property : attribute.beanProperties().entrySet()) {
            prefix.append(first ? "" : ", ")
                    .append(property.getKey())
                    .append('=')
                    .append(property.getValue());
            first = false;
        }
        prefix.append("><");
        first = true;
        for (String key : attribute.attrKeys()) {
            prefix.append(first ? "" : ", ").append(key);
            first = false;
        }
        return prefix.append('>').toString();
    }

    private static boolean hasLineTerminator(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
                return true;
            }
        }
        return false;
    }
}
