package dev.perfplatform.jmx.internal.jolokia;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * An attribute's open type as Jolokia's {@code list} describes it with {@code openTypes=true} (protocol 8.2): the
 * item types of composites and the index columns of tables, which the bulk read's JSON does not carry.
 */
sealed interface OpenTypeDesc {

    /** A simple type, by its class name ({@code java.lang.Long}, {@code java.util.Date}, ...). */
    record Simple(String className) implements OpenTypeDesc {}

    /** A composite: its description and its items' types, by item name in ascending order. */
    record Composite(String description, Map<String, OpenTypeDesc> items) implements OpenTypeDesc {}

    /** A table: its rows' composite type and its index column names. */
    record Tabular(String description, Composite rowType, List<String> index) implements OpenTypeDesc {}

    /** An array or anything else jmx_exporter does not export. */
    record Unsupported(String kind) implements OpenTypeDesc {}

    /** Parses Jolokia's description: a class-name string or an object with {@code kind}. */
    static @Nullable OpenTypeDesc parse(@Nullable Object json) {
        if (json instanceof String name) {
            return name.startsWith("[") ? new Unsupported("array") : new Simple(name);
        }
        if (!(json instanceof Map<?, ?> map)) {
            return null;
        }
        Object kind = map.get("kind");
        String description = map.get("desc") instanceof String d ? d : "";
        if ("composite".equals(kind)) {
            return composite(map, description);
        }
        if ("tabular".equals(kind) && map.get("rowType") instanceof Map<?, ?> row) {
            Composite rowType = composite(row, row.get("desc") instanceof String d ? d : "");
            List<String> index = new ArrayList<>();
            if (map.get("index") instanceof List<?> names) {
                names.forEach(n -> index.add(String.valueOf(n)));
            }
            return new Tabular(description, rowType, Collections.unmodifiableList(index));
        }
        if ("simple".equals(kind) && map.get("type") instanceof String name) {
            return new Simple(name);
        }
        return new Unsupported(String.valueOf(kind));
    }

    private static Composite composite(Map<?, ?> map, String description) {
        Map<String, OpenTypeDesc> items = new TreeMap<>();
        if (map.get("items") instanceof Map<?, ?> entries) {
            entries.forEach((name, type) -> {
                OpenTypeDesc item = parse(type);
                items.put(String.valueOf(name), item == null ? new Unsupported("unknown") : item);
            });
        }
        return new Composite(description, Collections.unmodifiableMap(items));
    }
}
