package dev.perfplatform.jmx.internal.jolokia;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;
import org.jolokia.json.JSONArray;
import org.jolokia.json.JSONObject;

/** The JSON bodies and processing parameters of the two requests a source sends: the bulk read and the list. */
final class JolokiaRequests {

    private JolokiaRequests() {}

    /**
     * A bulk of pattern reads, all attributes, one per pattern. An exact name becomes a pattern ({@code ,*}) so
     * that Jolokia always answers {@code {objectName: {attr: value}}} with the name as registered; the filter then
     * keeps only the exact MBean.
     */
    static String readBody(List<String> patterns) {
        JSONArray bulk = new JSONArray();
        for (String pattern : patterns) {
            JSONObject read = new JSONObject();
            read.put("type", "read");
            read.put("mbean", asPattern(pattern));
            bulk.add(read);
        }
        return bulk.toJSONString();
    }

    /** The read's processing parameters: registration order, per-attribute errors, no echo, bounded size. */
    static String readQuery(JolokiaOptions options) {
        return "canonicalNaming=false&ignoreErrors=true&includeRequest=false&serializeLong=number"
                + "&maxDepth=" + options.maxDepth()
                + "&maxCollectionSize=" + options.maxCollectionSize()
                + "&maxObjects=" + options.maxObjects();
    }

    /** The domains to list: those of the includes when each names one, else none (list everything). */
    static List<String> listDomains(List<String> patterns) {
        Set<String> domains = new LinkedHashSet<>();
        for (String pattern : patterns) {
            String domain = pattern.substring(0, pattern.indexOf(':'));
            if (domain.isEmpty() || domain.contains("*") || domain.contains("?")) {
                return List.of();
            }
            domains.add(domain);
        }
        return List.copyOf(domains);
    }

    /** A bulk of lists: one per domain, or one of everything when there are none. */
    static String listBody(List<String> domains) {
        JSONArray bulk = new JSONArray();
        if (domains.isEmpty()) {
            JSONObject list = new JSONObject();
            list.put("type", "list");
            bulk.add(list);
        }
        for (String domain : domains) {
            JSONObject list = new JSONObject();
            list.put("type", "list");
            list.put("path", domain.replace("!", "!!").replace("/", "!/"));
            bulk.add(list);
        }
        return bulk.toJSONString();
    }

    /** The list's processing parameters: registration order and open types (item and index names). */
    static String listQuery() {
        return "canonicalNaming=false&ignoreErrors=true&includeRequest=false&openTypes=true";
    }

    private static String asPattern(String name) {
        try {
            return new ObjectName(name).isPattern() ? name : name + ",*";
        } catch (MalformedObjectNameException e) {
            throw new IllegalArgumentException("not an ObjectName: " + name, e);
        }
    }
}
