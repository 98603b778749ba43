package dev.perfplatform.jmx.internal.rules;

import dev.perfplatform.jmx.model.JmxAttribute;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Date;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * Outcomes per attribute identity (everything of a {@link JmxAttribute} but its value and type), kept only for
 * outcomes {@link AttributeMatcher} proved value-independent. Entries not used by the latest {@link #begin() pass}
 * are evicted at its {@link #end(long) end}. Thread-safe.
 */
final class MatchCache {

    private final ConcurrentHashMap<Key, Entry> entries = new ConcurrentHashMap<>();
    private final AtomicLong passes = new AtomicLong();

    private static final class Entry {
        final Outcome outcome;
        final boolean anyValue;
        volatile long pass;

        Entry(Outcome outcome, boolean anyValue, long pass) {
            this.outcome = outcome;
            this.anyValue = anyValue;
            this.pass = pass;
        }
    }

    /** Starts a pass (one map() call). */
    long begin() {
        return passes.incrementAndGet();
    }

    /** The cached outcome for {@code attribute}, if one holds for its current value. */
    @Nullable
    Outcome get(JmxAttribute attribute, long pass) {
        Entry entry = entries.get(new Key(attribute));
        if (entry == null || !(entry.anyValue || isNumberOrBoolean(attribute.value()))) {
            return null;
        }
        entry.pass = pass;
        return entry.outcome;
    }

    /** Remembers an evaluation that is valid for the attribute's current value. */
    void put(JmxAttribute attribute, AttributeMatcher.Evaluation evaluation, long pass) {
        if (evaluation.cacheable() && (evaluation.anyValue() || isNumberOrBoolean(attribute.value()))) {
            entries.put(new Key(attribute), new Entry(evaluation.outcome(), evaluation.anyValue(), pass));
        }
    }

    /** Evicts every entry the pass did not use. */
    void end(long pass) {
        entries.values().removeIf(entry -> entry.pass != pass);
    }

    int size() {
        return entries.size();
    }

    /** Whether {@code String.valueOf} of the value uses only digits, {@code . + - E} and NaN/Infinity/true/false. */
    static boolean isNumberOrBoolean(Object value) {
        return value instanceof Double
                || value instanceof Long
                || value instanceof Integer
                || value instanceof Float
                || value instanceof Boolean
                || value instanceof Date
                || value instanceof Short
                || value instanceof Byte
                || value instanceof BigDecimal
                || value instanceof BigInteger
                || value instanceof AtomicLong
                || value instanceof AtomicInteger;
    }

    /** An attribute's identity, compared with its bean properties in order. */
    private static final class Key {
        private final JmxAttribute attribute;
        private final int hash;

        Key(JmxAttribute attribute) {
            this.attribute = attribute;
            int h = Objects.hash(attribute.objectName(), attribute.attrName(), attribute.attrKeys());
            for (String value : attribute.beanProperties().values()) {
                h = 31 * h + value.hashCode();
            }
            this.hash = h;
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(@Nullable Object other) {
            if (!(other instanceof Key key) || key.hash != hash) {
                return false;
            }
            JmxAttribute a = attribute;
            JmxAttribute b = key.attribute;
            return a.objectName().equals(b.objectName())
                    && a.domain().equals(b.domain())
                    && a.attrName().equals(b.attrName())
                    && a.attrKeys().equals(b.attrKeys())
                    && a.attrDescription().equals(b.attrDescription())
                    && sameInOrder(a.beanProperties(), b.beanProperties());
        }

        private static boolean sameInOrder(Map<String, String> a, Map<String, String> b) {
            if (a.size() != b.size()) {
                return false;
            }
            Iterator<Map.Entry<String, String>> left = a.entrySet().iterator();
            Iterator<Map.Entry<String, String>> right = b.entrySet().iterator();
            while (left.hasNext()) {
                if (!left.next().equals(right.next())) {
                    return false;
                }
            }
            return true;
        }
    }
}
