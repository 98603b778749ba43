package dev.perfplatform.jmx.testing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A small parser of Prometheus text format 0.0.4 for comparing pages: every sample as (name, sorted labels, TYPE,
 * value), HELP per family, and the format violations it saw (duplicate series, split families, repeated HELP or
 * TYPE, unparseable lines).
 */
public final class PrometheusText {

    private static final List<String> SUFFIXES = List.of("_total", "_created", "_bucket", "_count", "_sum", "_info");

    /**
     * One sample.
     *
     * @param name the sample's metric name
     * @param labels its labels, sorted by name
     * @param type its family's TYPE ({@code untyped} when the page declared none)
     * @param value its value
     */
    public record Series(String name, SortedMap<String, String> labels, String type, double value) {

        /** The name and labels, {@code name{a="1",b="2"}}: what identifies a series. */
        public String id() {
            StringBuilder id = new StringBuilder(name).append('{');
            labels.forEach((k, v) -> id.append(k).append("=\"").append(v).append("\","));
            return id.append('}').toString();
        }
    }

    /**
     * A parsed page.
     *
     * @param series the samples in page order
     * @param help HELP text per family name
     * @param types TYPE per family name
     * @param problems format violations, empty for a clean page
     */
    public record Page(
            List<Series> series, Map<String, String> help, Map<String, String> types, List<String> problems) {

        /** The series by {@link Series#id()}. */
        public Map<String, Series> byId() {
            Map<String, Series> byId = new TreeMap<>();
            series.forEach(s -> byId.put(s.id(), s));
            return byId;
        }
    }

    private PrometheusText() {}

    /** Parses a page. */
    public static Page parse(String text) {
        List<Series> series = new ArrayList<>();
        Map<String, String> help = new LinkedHashMap<>();
        Map<String, String> types = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        Set<String> finishedFamilies = new HashSet<>();
        String currentFamily = null;
        for (String line : text.split("\n", -1)) {
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("# HELP ") || line.startsWith("# TYPE ")) {
                String[] parts = line.substring(7).split(" ", 2);
                Map<String, String> target = line.startsWith("# HELP ") ? help : types;
                if (target.put(parts[0], parts.length > 1 ? parts[1] : "") != null) {
                    problems.add("repeated " + line.substring(2, 6) + " for " + parts[0]);
                }
                currentFamily = switchFamily(currentFamily, parts[0], finishedFamilies, problems);
                continue;
            }
            if (line.startsWith("#")) {
                continue;
            }
            try {
                Series sample = sample(line, types);
                String family = familyOf(sample.name(), types);
                currentFamily = switchFamily(currentFamily, family, finishedFamilies, problems);
                if (!ids.add(sample.id())) {
                    problems.add("duplicate series " + sample.id());
                }
                series.add(sample);
            } catch (RuntimeException e) {
                problems.add("unparseable line: " + line + " (" + e.getMessage() + ")");
            }
        }
        return new Page(
                Collections.unmodifiableList(series),
                Collections.unmodifiableMap(help),
                Collections.unmodifiableMap(types),
                Collections.unmodifiableList(problems));
    }

    private static String switchFamily(String current, String next, Set<String> finished, List<String> problems) {
        if (next.equals(current)) {
            return current;
        }
        if (current != null) {
            finished.add(current);
        }
        if (finished.contains(next)) {
            problems.add("split family " + next);
        }
        return next;
    }

    private static String familyOf(String name, Map<String, String> types) {
        if (types.containsKey(name)) {
            return name;
        }
        for (String suffix : SUFFIXES) {
            if (name.endsWith(suffix)) {
                String base = name.substring(0, name.length() - suffix.length());
                if (types.containsKey(base)) {
                    return base;
                }
            }
        }
        return name;
    }

    private static Series sample(String line, Map<String, String> types) {
        int brace = line.indexOf('{');
        int space = line.indexOf(' ');
        SortedMap<String, String> labels = new TreeMap<>();
        String name;
        String rest;
        if (brace >= 0 && (space < 0 || brace < space)) {
            name = line.substring(0, brace);
            int end = labels(line, brace + 1, labels);
            rest = line.substring(end + 1).trim();
        } else {
            name = line.substring(0, space);
            rest = line.substring(space + 1).trim();
        }
        int end = rest.indexOf(' ');
        String value = end < 0 ? rest : rest.substring(0, end);
        String type = types.getOrDefault(familyOf(name, types), "untyped");
        return new Series(name, Collections.unmodifiableSortedMap(labels), type, number(value));
    }

    /** Parses {@code a="x",b="y"} from {@code start}; returns the index of the closing brace. */
    private static int labels(String line, int start, Map<String, String> labels) {
        int i = start;
        while (line.charAt(i) != '}') {
            int eq = line.indexOf('=', i);
            String key = line.substring(i, eq).trim();
            if (line.charAt(eq + 1) != '"') {
                throw new IllegalArgumentException("label value not quoted");
            }
            StringBuilder value = new StringBuilder();
            int j = eq + 2;
            while (line.charAt(j) != '"') {
                char c = line.charAt(j);
                if (c == '\\') {
                    char next = line.charAt(++j);
                    value.append(next == 'n' ? '\n' : next);
                } else {
                    value.append(c);
                }
                j++;
            }
            if (labels.put(key, value.toString()) != null) {
                throw new IllegalArgumentException("repeated label " + key);
            }
            i = j + 1;
            if (line.charAt(i) == ',') {
                i++;
            }
        }
        return i;
    }

    private static double number(String value) {
        return switch (value) {
            case "NaN" -> Double.NaN;
            case "+Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(value);
        };
    }
}
