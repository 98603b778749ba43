package dev.perfplatform.jmx.internal.jolokia;

import dev.perfplatform.jmx.model.JmxAttribute;
import java.util.Date;
import java.util.List;

/** Renders attributes as one line each, in jmx_exporter's match-string shape, for exact assertions. */
final class Rendered {

    private Rendered() {}

    /** {@code domain<k=v, ...><keys>attr: value (ValueClass)}, sorted, for the MBeans whose name starts with prefix. */
    static List<String> of(List<JmxAttribute> attributes, String prefix) {
        return attributes.stream()
                .filter(a -> a.objectName().startsWith(prefix))
                .map(Rendered::line)
                .sorted()
                .toList();
    }

    @SuppressWarnings("JavaUtilDate") // the model carries java.util.Date
    static String line(JmxAttribute a) {
        String props = a.beanProperties().toString();
        String keys = a.attrKeys().toString();
        Object value = a.value();
        String shown = value instanceof Date date ? "Date " + date.getTime() : String.valueOf(value);
        return a.domain() + "<" + props.substring(1, props.length() - 1) + "><" + keys.substring(1, keys.length() - 1)
                + ">" + a.attrName() + ": " + shown + " (" + value.getClass().getSimpleName() + ")";
    }
}
