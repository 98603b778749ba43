package dev.perfplatform.jmx.internal.jolokia;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Picks the values out of a Jolokia bulk answer: an array with one entry per request, each either
 * {@code {"value": ..., "status": 200}} or an error object. A failed entry contributes nothing; an answer that is
 * not an array, or whose every entry failed for another reason than matching no MBean (404), fails the whole read:
 * an agent that refuses everything (an access policy's 403, say) is down, not empty.
 */
final class BulkResponse {

    private BulkResponse() {}

    /** Each entry's value in request order, null where the entry failed. */
    static List<@Nullable Map<?, ?>> values(Object json, String agent) throws IOException {
        if (!(json instanceof List<?> entries)) {
            String error = json instanceof Map<?, ?> map ? String.valueOf(map.get("error")) : "a bare value";
            throw new IOException("Jolokia at " + agent + " did not answer the bulk request: " + error);
        }
        List<@Nullable Map<?, ?>> values = new ArrayList<>(entries.size());
        String refusal = null;
        boolean anyAnswered = false;
        for (Object entry : entries) {
            Map<?, ?> value =
                    entry instanceof Map<?, ?> map && isOk(map) && map.get("value") instanceof Map<?, ?> v ? v : null;
            values.add(value);
            if (value != null || (entry instanceof Map<?, ?> map && status(map) == 404)) {
                anyAnswered = true;
            } else if (refusal == null) {
                refusal = entry instanceof Map<?, ?> map ? status(map) + " " + map.get("error") : "a bare value";
            }
        }
        if (!anyAnswered && refusal != null) {
            throw new IOException("Jolokia at " + agent + " refused every request of the bulk: " + refusal);
        }
        return values;
    }

    /** The MBeans of a bulk of pattern reads: name as registered to its attributes, sorted by name. */
    static Map<String, Map<?, ?>> mbeans(Object json, String agent) throws IOException {
        Map<String, Map<?, ?>> mbeans = new TreeMap<>();
        for (Map<?, ?> value : values(json, agent)) {
            if (value == null) {
                continue;
            }
            value.forEach((name, attributes) -> {
                if (attributes instanceof Map<?, ?> attrs) {
                    mbeans.merge(String.valueOf(name), attrs, BulkResponse::union);
                }
            });
        }
        return mbeans;
    }

    /** The {@code list} tree, {@code {domain: {keys: info}}}, of a bulk of lists (whole when no domains, else one per domain). */
    static Map<Object, Object> listTree(Object json, String agent, List<String> domains) throws IOException {
        List<@Nullable Map<?, ?>> values = values(json, agent);
        Map<Object, Object> tree = new LinkedHashMap<>();
        for (int i = 0; i < values.size(); i++) {
            Map<?, ?> value = values.get(i);
            if (value != null && domains.isEmpty()) {
                tree.putAll(value);
            } else if (value != null && i < domains.size()) {
                tree.put(domains.get(i), value);
            }
        }
        return tree;
    }

    private static boolean isOk(Map<?, ?> entry) {
        return status(entry) == 200;
    }

    private static int status(Map<?, ?> entry) {
        return entry.get("status") instanceof Number status ? status.intValue() : -1;
    }

    private static Map<?, ?> union(Map<?, ?> a, Map<?, ?> b) {
        Map<Object, Object> merged = new LinkedHashMap<>(a);
        merged.putAll(b);
        return merged;
    }
}
