package dev.perfplatform.jmx.internal.jolokia;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Turns one JSON scalar back into the Java value jmx_exporter would have seen, using the declared type: the boxed
 * number type (so {@code String.valueOf} in the match string prints {@code 1} for an int and {@code 1.0} for a
 * double), Booleans, Dates from Jolokia's ISO strings, NaN for a {@code null} double or float (Jolokia writes NaN
 * and infinities as {@code null}), Strings. Returns null for what jmx_exporter skips.
 */
final class JsonValues {

    private static final Set<String> FLOATING = Set.of("double", "float", "java.lang.Double", "java.lang.Float");
    private static final Set<String> SKIPPED = Set.of("javax.management.ObjectName", "java.util.Optional");

    private JsonValues() {}

    /** The Java value of {@code json} declared as {@code type} (empty when unknown), or null to skip it. */
    static @Nullable Object scalar(String type, @Nullable Object json) {
        if (json == null) {
            return FLOATING.contains(type) ? Double.NaN : null;
        }
        if (type.startsWith("[") || SKIPPED.contains(type)) {
            return null;
        }
        return switch (type) {
            case "int", "java.lang.Integer", "java.util.concurrent.atomic.AtomicInteger" ->
                number(json, Number::intValue);
            case "long", "java.lang.Long", "java.util.concurrent.atomic.AtomicLong" -> number(json, Number::longValue);
            case "double", "java.lang.Double" -> number(json, Number::doubleValue);
            case "float", "java.lang.Float" -> number(json, n -> Float.parseFloat(n.toString()));
            case "short", "java.lang.Short" -> number(json, Number::shortValue);
            case "byte", "java.lang.Byte" -> number(json, Number::byteValue);
            case "java.math.BigDecimal" -> number(json, n -> new BigDecimal(n.toString()));
            case "java.math.BigInteger" -> number(json, n -> new BigDecimal(n.toString()).toBigInteger());
            case "boolean", "java.lang.Boolean" -> json instanceof Boolean ? json : null;
            case "java.util.Date" -> date(json);
            case "java.lang.String" -> json instanceof String ? json : null;
            default -> inferred(json);
        };
    }

    /** A value of undeclared type (an Enum's name, a number behind {@code Object}, a composite item). */
    private static @Nullable Object inferred(Object json) {
        if (json instanceof String || json instanceof Boolean) {
            return json;
        }
        if (json instanceof BigInteger big) {
            return big.bitLength() < 64 ? (Object) big.longValue() : big;
        }
        if (json instanceof Integer || json instanceof Short || json instanceof Byte) {
            return ((Number) json).longValue();
        }
        if (json instanceof Long || json instanceof Double) {
            return json;
        }
        if (json instanceof Number number) {
            return number.doubleValue();
        }
        return null;
    }

    private interface Conversion {
        Object apply(Number number);
    }

    private static @Nullable Object number(Object json, Conversion conversion) {
        try {
            if (json instanceof Number number) {
                return conversion.apply(number);
            }
            if (json instanceof String text) { // serializeLong=string, or a BigDecimal sent as text
                return conversion.apply(new BigDecimal(text));
            }
        } catch (NumberFormatException e) {
            return null;
        }
        return null;
    }

    @SuppressWarnings("JavaUtilDate") // the model carries java.util.Date: what jmx_exporter sees from JMX
    private static @Nullable Object date(Object json) {
        if (json instanceof Number millis) { // the agent's dateFormat may be epoch millis
            return new Date(millis.longValue());
        }
        if (json instanceof String text) {
            try {
                return Date.from(OffsetDateTime.parse(text).toInstant());
            } catch (DateTimeParseException e) {
                return null;
            }
        }
        return null;
    }

    /** Whether a declared type is a composite (as MBeanInfo names it, or by its open type). */
    static boolean isComposite(String type, @Nullable OpenTypeDesc openType) {
        return openType instanceof OpenTypeDesc.Composite
                || (openType == null && type.equals("javax.management.openmbean.CompositeData"));
    }

    /** Whether a declared type is a table. */
    static boolean isTabular(String type, @Nullable OpenTypeDesc openType) {
        return openType instanceof OpenTypeDesc.Tabular
                || (openType == null && type.equals("javax.management.openmbean.TabularData"));
    }
}
