package dev.perfplatform.jmx.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A sample's labels, sorted by name; names are valid Prometheus label names and no value is empty.
 *
 * @param names label names in ascending order
 * @param values the values, index for index
 */
public record Labels(List<String> names, List<String> values) {

    public static final Labels EMPTY = new Labels(List.of(), List.of());

    public Labels {
        names = List.copyOf(names);
        values = List.copyOf(values);
        if (names.size() != values.size()) {
            throw new IllegalArgumentException("names and values differ in size: " + names + " " + values);
        }
    }

    /** Labels from a map, sorted by name. */
    public static Labels of(Map<String, String> labels) {
        TreeMap<String, String> sorted = new TreeMap<>(labels);
        return new Labels(new ArrayList<>(sorted.keySet()), new ArrayList<>(sorted.values()));
    }

    public int size() {
        return names.size();
    }
}
