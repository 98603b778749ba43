package dev.perfplatform.jmx.internal.jolokia;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Splits an ObjectName's key property list into its properties in the order they were written (the order the
 * MBean was registered with), quoted values kept with their quotes, as jmx_exporter's property cache does.
 */
final class KeyProperties {

    private KeyProperties() {}

    /** The properties of {@code keyPropertyList} (the part after the domain's colon). */
    static Map<String, String> parse(String keyPropertyList) {
        Map<String, String> properties = new LinkedHashMap<>();
        int i = 0;
        int length = keyPropertyList.length();
        while (i < length) {
            int eq = keyPropertyList.indexOf('=', i);
            if (eq < 0) {
                throw new IllegalArgumentException("not a key property list: " + keyPropertyList);
            }
            String key = keyPropertyList.substring(i, eq);
            int end = valueEnd(keyPropertyList, eq + 1);
            properties.put(key, keyPropertyList.substring(eq + 1, end));
            i = end + 1; // skip the comma
        }
        return Collections.unmodifiableMap(properties);
    }

    private static int valueEnd(String list, int start) {
        if (start < list.length() && list.charAt(start) == '"') {
            int i = start + 1;
            while (i < list.length()) {
                char c = list.charAt(i);
                if (c == '\\') {
                    i += 2;
                } else if (c == '"') {
                    return i + 1;
                } else {
                    i++;
                }
            }
            throw new IllegalArgumentException("unterminated quoted value in " + list);
        }
        int comma = list.indexOf(',', start);
        return comma < 0 ? list.length() : comma;
    }
}
