package dev.perfplatform.jmx.internal.jolokia;

import dev.perfplatform.jmx.model.JmxAttribute;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Walks one attribute's JSON value as jmx_exporter 1.0.1's {@code JmxScraper.processBeanValue} walks the Java value:
 * composites add their attribute name to {@code attrKeys} and recurse per item (items in ascending order), table
 * rows add their index columns to the bean properties (a repeated name gets {@code _} suffixes, a composite index
 * becomes {@code index_item}) and recurse per non-index column (a column named {@code value} keeps the enclosing
 * name), scalars become leaves, arrays and non-open types are skipped.
 */
final class ValueFlattener {

    private static final String COMPOSITE = "javax.management.openmbean.CompositeData";
    private static final String TABULAR = "javax.management.openmbean.TabularData";

    private final String objectName;
    private final String domain;
    private final List<JmxAttribute> out;

    ValueFlattener(String objectName, String domain, List<JmxAttribute> out) {
        this.objectName = objectName;
        this.domain = domain;
        this.out = out;
    }

    /** Adds the leaves of one top-level attribute to the output list. */
    void attribute(Map<String, String> properties, String name, AttributeMeta meta, @Nullable Object json) {
        visit(properties, List.of(), name, meta.type(), meta.openType(), meta.description(), json);
    }

    private void visit(
            Map<String, String> properties,
            List<String> attrKeys,
            String attrName,
            String type,
            @Nullable OpenTypeDesc openType,
            String description,
            @Nullable Object json) {
        if (json instanceof List || openType instanceof OpenTypeDesc.Unsupported || isError(json)) {
            return;
        }
        if (JsonValues.isComposite(type, openType) || (type.isEmpty() && json instanceof Map)) {
            if (json instanceof Map<?, ?> map) {
                composite(properties, attrKeys, attrName, openType, description, map);
            }
        } else if (JsonValues.isTabular(type, openType)) {
            if (json != null) {
                tabular(properties, attrKeys, attrName, openType, json);
            }
        } else if (!(json instanceof Map)) {
            Object value = JsonValues.scalar(type, json);
            if (value != null) {
                out.add(new JmxAttribute(objectName, domain, properties, attrKeys, attrName, type, description, value));
            }
        }
    }

    private void composite(
            Map<String, String> properties,
            List<String> attrKeys,
            String attrName,
            @Nullable OpenTypeDesc openType,
            String description,
            Map<?, ?> json) {
        List<String> keys = append(attrKeys, attrName);
        if (openType instanceof OpenTypeDesc.Composite composite) {
            composite
                    .items()
                    .forEach((item, itemType) -> visit(
                            properties,
                            keys,
                            item,
                            typeName(itemType),
                            itemType,
                            composite.description(),
                            json.get(item)));
        } else {
            for (Object item :
                    new TreeSet<>(json.keySet().stream().map(String::valueOf).toList())) {
                visit(properties, keys, (String) item, "", null, description, json.get(item));
            }
        }
    }

    private void tabular(
            Map<String, String> properties,
            List<String> attrKeys,
            String attrName,
            @Nullable OpenTypeDesc openType,
            Object json) {
        OpenTypeDesc.Tabular type = openType instanceof OpenTypeDesc.Tabular t ? t : null;
        TabularRows table = TabularRows.decode(json, type);
        List<String> extendedKeys = append(attrKeys, attrName);
        for (Map<String, @Nullable Object> row : table.rows()) {
            Map<String, String> rowProperties = new LinkedHashMap<>(properties);
            for (String index : table.index()) {
                Object indexValue = row.get(index);
                if (indexValue == null) {
                    continue;
                }
                String label = index;
                while (rowProperties.containsKey(label)) {
                    label = label + "_";
                }
                if (indexValue instanceof Map<?, ?> compositeKey) {
                    for (Object item : new TreeSet<>(
                            compositeKey.keySet().stream().map(String::valueOf).toList())) {
                        rowProperties.put(label + "_" + item, String.valueOf(compositeKey.get(item)));
                    }
                } else {
                    rowProperties.put(label, String.valueOf(indexValue));
                }
            }
            TreeSet<String> columns = new TreeSet<>(
                    type == null ? row.keySet() : type.rowType().items().keySet());
            table.index().forEach(columns::remove);
            for (String column : columns) {
                OpenTypeDesc columnType =
                        type == null ? null : type.rowType().items().get(column);
                boolean isValue = column.equalsIgnoreCase("value");
                visit(
                        rowProperties,
                        isValue ? attrKeys : extendedKeys,
                        isValue ? attrName : column,
                        columnType == null ? "" : typeName(columnType),
                        columnType,
                        type == null ? "" : type.rowType().description(),
                        row.get(column));
            }
        }
    }

    private static String typeName(OpenTypeDesc type) {
        if (type instanceof OpenTypeDesc.Simple simple) {
            return simple.className();
        }
        if (type instanceof OpenTypeDesc.Composite) {
            return COMPOSITE;
        }
        return type instanceof OpenTypeDesc.Tabular ? TABULAR : "";
    }

    private static boolean isError(@Nullable Object json) {
        return json instanceof Map<?, ?> map && Boolean.TRUE.equals(map.get(".error"));
    }

    private static List<String> append(List<String> list, String element) {
        List<String> result = new ArrayList<>(list.size() + 1);
        result.addAll(list);
        result.add(element);
        return result;
    }
}
