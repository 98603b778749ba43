package dev.perfplatform.jmx.internal.jolokia;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Un-flattens Jolokia's three serialisations of TabularData back into rows with index columns: an MXBean map
 * ({@code {key: value}}), maps nested by index values with the full row at the leaves, and
 * {@code {"indexNames": [...], "values": [rows]}} for complex indexes. The open type (from {@code list}) says which;
 * without it the shape is recognised from the JSON.
 *
 * @param index the index column names
 * @param rows the rows, each a map of column name to JSON value, index columns included
 */
record TabularRows(List<String> index, List<Map<String, @Nullable Object>> rows) {

    private static final TabularRows NONE = new TabularRows(List.of(), List.of());
    private static final List<String> MAP_INDEX = List.of("key");

    /** The rows of {@code json}, or no rows when its shape is not recognised. */
    static TabularRows decode(Object json, OpenTypeDesc.@Nullable Tabular type) {
        if (!(json instanceof Map<?, ?> map)) {
            return NONE;
        }
        if (map.get("indexNames") instanceof List<?> names && map.get("values") instanceof List<?> values) {
            return explicit(names, values);
        }
        if (type != null) {
            if (type.index().equals(MAP_INDEX)
                    && type.rowType().items().keySet().equals(Set.of("key", "value"))) {
                return mapForm(map);
            }
            List<Map<String, @Nullable Object>> rows = new ArrayList<>();
            nested(map, type.index().size(), rows);
            return new TabularRows(type.index(), rows);
        }
        List<String> index = guessIndex(map, new ArrayList<>());
        if (index == null) {
            return mapForm(map);
        }
        List<Map<String, @Nullable Object>> rows = new ArrayList<>();
        nested(map, index.size(), rows);
        return new TabularRows(index, rows);
    }

    private static TabularRows explicit(List<?> names, List<?> values) {
        List<String> index = names.stream().map(String::valueOf).toList();
        List<Map<String, @Nullable Object>> rows = new ArrayList<>();
        for (Object value : values) {
            if (value instanceof Map<?, ?> row) {
                rows.add(copy(row));
            }
        }
        return new TabularRows(index, rows);
    }

    private static TabularRows mapForm(Map<?, ?> map) {
        List<Map<String, @Nullable Object>> rows = new ArrayList<>();
        map.forEach((key, value) -> {
            Map<String, @Nullable Object> row = new LinkedHashMap<>();
            row.put("key", String.valueOf(key));
            row.put("value", value);
            rows.add(row);
        });
        return new TabularRows(MAP_INDEX, rows);
    }

    private static void nested(Map<?, ?> node, int depth, List<Map<String, @Nullable Object>> rows) {
        if (depth == 0) {
            rows.add(copy(node));
            return;
        }
        for (Object child : node.values()) {
            if (child instanceof Map<?, ?> map) {
                nested(map, depth - 1, rows);
            }
        }
    }

    /** The index names when {@code node} is nested by index values: the leaf row holds the path's values. */
    private static @Nullable List<String> guessIndex(Map<?, ?> node, List<String> path) {
        if (!path.isEmpty()) {
            List<String> index = columnsHolding(node, path);
            if (index != null) {
                return index;
            }
        }
        if (node.isEmpty()) {
            return null;
        }
        Map.Entry<?, ?> first = node.entrySet().iterator().next();
        if (!(first.getValue() instanceof Map<?, ?> child)) {
            return null;
        }
        path.add(String.valueOf(first.getKey()));
        return guessIndex(child, path);
    }

    private static @Nullable List<String> columnsHolding(Map<?, ?> row, List<String> path) {
        List<String> columns = new ArrayList<>();
        for (String value : path) {
            String found = null;
            for (Map.Entry<?, ?> column : row.entrySet()) {
                String name = String.valueOf(column.getKey());
                if (!columns.contains(name)
                        && !(column.getValue() instanceof Map)
                        && value.equals(String.valueOf(column.getValue()))) {
                    found = name;
                    break;
                }
            }
            if (found == null) {
                return null;
            }
            columns.add(found);
        }
        return columns;
    }

    private static Map<String, @Nullable Object> copy(Map<?, ?> row) {
        Map<String, @Nullable Object> result = new LinkedHashMap<>();
        row.forEach((k, v) -> result.put(String.valueOf(k), v));
        return result;
    }
}
