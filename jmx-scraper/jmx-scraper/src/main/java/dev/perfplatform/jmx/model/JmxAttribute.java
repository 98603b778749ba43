package dev.perfplatform.jmx.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One leaf value of one MBean, as jmx_exporter's receiver sees it: composite data and tabular rows are already
 * flattened (enclosing attribute names in {@code attrKeys}, a tabular row's index columns appended to
 * {@code beanProperties}).
 *
 * @param objectName the MBean's name as the target registered it (key properties in registration order)
 * @param domain the ObjectName's domain
 * @param beanProperties key properties in registration order, values as registered (quoted values keep their quotes)
 * @param attrKeys names of the enclosing composite or tabular attributes, outermost first; empty for a plain attribute
 * @param attrName the leaf's name (the attribute's, or the composite item's)
 * @param attrType the top-level attribute's type from MBeanInfo (for example {@code long}, {@code java.util.Date},
 *     {@code javax.management.openmbean.CompositeData}); empty when unknown
 * @param attrDescription the top-level attribute's description from MBeanInfo; empty when unknown
 * @param value a {@link Number} (NaN for a Jolokia {@code null} on a double or float attribute), {@link Boolean},
 *     {@link String} or {@link java.util.Date}; a rule can use a String only through {@code value:}
 */
public record JmxAttribute(
        String objectName,
        String domain,
        Map<String, String> beanProperties,
        List<String> attrKeys,
        String attrName,
        String attrType,
        String attrDescription,
        Object value) {

    public JmxAttribute {
        Objects.requireNonNull(objectName, "objectName");
        Objects.requireNonNull(domain, "domain");
        beanProperties = Collections.unmodifiableMap(new LinkedHashMap<>(beanProperties));
        attrKeys = List.copyOf(attrKeys);
        Objects.requireNonNull(attrName, "attrName");
        Objects.requireNonNull(attrType, "attrType");
        Objects.requireNonNull(attrDescription, "attrDescription");
        Objects.requireNonNull(value, "value");
    }

    /** The value of a key property, or null when the MBean has no such key. */
    public @Nullable String property(String key) {
        return beanProperties.get(key);
    }
}
