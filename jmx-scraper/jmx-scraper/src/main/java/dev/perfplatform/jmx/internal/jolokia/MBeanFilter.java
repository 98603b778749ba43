package dev.perfplatform.jmx.internal.jolokia;

import dev.perfplatform.jmx.config.RulesConfig;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;

/**
 * Which MBeans and attributes are read, as jmx_exporter decides: {@code includeObjectNames} patterns (all when
 * empty) minus {@code excludeObjectNames} patterns (exclude wins), per-ObjectName attribute includes and excludes,
 * and jmx_exporter's hard-coded skips (the Runtime MBean's class paths and system properties, the FlightRecorder
 * MBean).
 */
final class MBeanFilter {

    private static final String RUNTIME = "java.lang:type=Runtime";
    private static final Set<String> RUNTIME_SKIPPED =
            Set.of("systemproperties", "classpath", "bootclasspath", "librarypath");
    private static final String FLIGHT_RECORDER = "jdk.management.jfr:type=FlightRecorder";

    private final List<ObjectName> includes;
    private final List<ObjectName> excludes;
    private final Map<ObjectName, Set<String>> includedAttributes;
    private final Map<ObjectName, Set<String>> excludedAttributes;

    MBeanFilter(RulesConfig rules) {
        includes = rules.includeObjectNames().stream()
                .map(n -> objectName(n, "includeObjectNames"))
                .toList();
        excludes = rules.excludeObjectNames().stream()
                .map(n -> objectName(n, "excludeObjectNames"))
                .toList();
        includedAttributes = attributes(rules.includeObjectNameAttributes(), "includeObjectNameAttributes");
        excludedAttributes = attributes(rules.excludeObjectNameAttributes(), "excludeObjectNameAttributes");
    }

    /** The MBean patterns the bulk read asks for: the includes, or every MBean. */
    List<String> readPatterns() {
        return includes.isEmpty()
                ? List.of("*:*")
                : includes.stream().map(ObjectName::toString).distinct().toList();
    }

    /** Whether the MBean is read at all. */
    boolean includes(ObjectName name, String nameAsRegistered) {
        if (nameAsRegistered.equals(FLIGHT_RECORDER)) {
            return false;
        }
        if (!includes.isEmpty() && includes.stream().noneMatch(p -> p.apply(name))) {
            return false;
        }
        return excludes.stream().noneMatch(p -> p.apply(name));
    }

    /** Whether one attribute of an included MBean is read. */
    boolean includesAttribute(ObjectName name, String nameAsRegistered, String attribute) {
        if (nameAsRegistered.equals(RUNTIME)
                && RUNTIME_SKIPPED.contains(attribute.toLowerCase(java.util.Locale.ROOT))) {
            return false;
        }
        Set<String> included = includedAttributes.get(name);
        if (included != null && !included.contains(attribute)) {
            return false;
        }
        Set<String> excluded = excludedAttributes.get(name);
        return excluded == null || !excluded.contains(attribute);
    }

    private static Map<ObjectName, Set<String>> attributes(Map<String, List<String>> byName, String key) {
        Map<ObjectName, Set<String>> result = new HashMap<>();
        byName.forEach((name, attrs) -> result.merge(objectName(name, key), Set.copyOf(attrs), (a, b) -> {
            Set<String> merged = new java.util.HashSet<>(a);
            merged.addAll(b);
            return Set.copyOf(merged);
        }));
        return Map.copyOf(result);
    }

    private static ObjectName objectName(String name, String key) {
        try {
            return new ObjectName(name);
        } catch (MalformedObjectNameException e) {
            throw new IllegalArgumentException(key + ": not an ObjectName: " + name + " (" + e.getMessage() + ")", e);
        }
    }
}
