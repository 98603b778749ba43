package dev.perfplatform.jmx.internal.jolokia;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;
import org.jspecify.annotations.Nullable;

/**
 * The MBeanInfo of a target as one Jolokia {@code list} answered it: attribute types and descriptions per MBean.
 * Immutable; a new list makes a new catalog.
 */
final class MBeanCatalog {

    static final MBeanCatalog EMPTY = new MBeanCatalog(Map.of(), Set.of());

    private final Map<ObjectName, Map<String, AttributeMeta>> attributes;
    private final Set<ObjectName> readNames;

    private MBeanCatalog(Map<ObjectName, Map<String, AttributeMeta>> attributes, Set<ObjectName> readNames) {
        this.attributes = attributes;
        this.readNames = readNames;
    }

    /**
     * Parses a {@code list} answer's value ({@code {domain: {keyPropertyList: {attr: {...}}}}}).
     *
     * @param readNames the MBeans the bulk read returned when this list was taken: the catalog is stale when a
     *     later read returns another set
     */
    static MBeanCatalog parse(Map<?, ?> listValue, Set<ObjectName> readNames) {
        Map<ObjectName, Map<String, AttributeMeta>> attributes = new HashMap<>();
        listValue.forEach((domain, mbeans) -> {
            if (mbeans instanceof Map<?, ?> byKeys) {
                byKeys.forEach((keys, info) -> {
                    ObjectName name = objectName(domain + ":" + keys);
                    if (name != null && info instanceof Map<?, ?> mbeanInfo) {
                        attributes.put(name, attributesOf(mbeanInfo));
                    }
                });
            }
        });
        return new MBeanCatalog(Collections.unmodifiableMap(attributes), Set.copyOf(readNames));
    }

    private static Map<String, AttributeMeta> attributesOf(Map<?, ?> mbeanInfo) {
        Map<String, AttributeMeta> result = new LinkedHashMap<>();
        if (mbeanInfo.get("attr") instanceof Map<?, ?> attrs) {
            attrs.forEach((name, info) -> {
                if (info instanceof Map<?, ?> attr) {
                    result.put(
                            String.valueOf(name),
                            new AttributeMeta(
                                    attr.get("type") instanceof String t ? t : "",
                                    attr.get("desc") instanceof String d ? d : "",
                                    !Boolean.FALSE.equals(attr.get("r")),
                                    OpenTypeDesc.parse(attr.get("openType"))));
                }
            });
        }
        return Collections.unmodifiableMap(result);
    }

    private static @Nullable ObjectName objectName(String name) {
        try {
            return new ObjectName(name);
        } catch (MalformedObjectNameException e) {
            return null;
        }
    }

    /** What MBeanInfo says about an attribute; {@link AttributeMeta#UNKNOWN} when the catalog lacks it. */
    AttributeMeta attribute(ObjectName mbean, String attribute) {
        Map<String, AttributeMeta> attrs = attributes.get(mbean);
        AttributeMeta meta = attrs == null ? null : attrs.get(attribute);
        return meta == null ? AttributeMeta.UNKNOWN : meta;
    }

    /** Whether a read that returned these MBeans needs a fresh list (an MBean was registered or unregistered). */
    boolean isStaleFor(Set<ObjectName> namesRead) {
        return !readNames.equals(namesRead);
    }
}
