package dev.perfplatform.jmx.internal.jolokia;

import org.jspecify.annotations.Nullable;

/**
 * What the target's MBeanInfo says about one attribute.
 *
 * @param type the declared type ({@code long}, {@code javax.management.openmbean.CompositeData}, ...)
 * @param description the attribute's description
 * @param readable whether the attribute can be read
 * @param openType the open type when the MBean declares one (MXBeans and Open MBeans), else null
 */
record AttributeMeta(
        String type,
        String description,
        boolean readable,
        @Nullable OpenTypeDesc openType) {

    /** An attribute the catalog does not know: its type is inferred from its JSON. */
    static final AttributeMeta UNKNOWN = new AttributeMeta("", "", true, null);
}
