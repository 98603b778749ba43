package dev.perfplatform.jmx.bench;

import java.io.IOException;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jolokia.json.parser.JSONParser;
import org.jolokia.json.parser.ParseException;

/** The raw results as JSON: ordered objects built from key-value pairs, written indented, and read back. */
final class Json {

    private Json() {}

    /** An ordered object of alternating keys and values. */
    static Map<String, Object> object(Object... keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("keysAndValues must alternate keys and values");
        }
        Map<String, Object> object = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            object.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return object;
    }

    /** Writes maps, lists, strings, numbers and booleans, two spaces per level. */
    static String write(Object value) {
        StringBuilder out = new StringBuilder();
        write(value, out, "");
        return out.append('\n').toString();
    }

    /** Reads what {@link #write} wrote. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> read(String text) throws IOException {
        try {
            return (Map<String, Object>) new JSONParser().parse(new StringReader(text));
        } catch (ParseException e) {
            throw new IOException("not JSON: " + e.getMessage(), e);
        }
    }

    private static void write(Object value, StringBuilder out, String indent) {
        if (value instanceof Map<?, ?> map) {
            out.append("{");
            String inner = indent + "  ";
            String separator = "\n";
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                out.append(separator).append(inner);
                string(entry.getKey().toString(), out);
                out.append(": ");
                write(entry.getValue(), out, inner);
                separator = ",\n";
            }
            out.append(map.isEmpty() ? "}" : "\n" + indent + "}");
        } else if (value instanceof List<?> list) {
            out.append("[");
            String inner = indent + "  ";
            String separator = "\n";
            for (Object item : list) {
                out.append(separator).append(inner);
                write(item, out, inner);
                separator = ",\n";
            }
            out.append(list.isEmpty() ? "]" : "\n" + indent + "]");
        } else if (value instanceof Number || value instanceof Boolean) {
            out.append(value);
        } else {
            string(String.valueOf(value), out);
        }
    }

    private static void string(String text, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
