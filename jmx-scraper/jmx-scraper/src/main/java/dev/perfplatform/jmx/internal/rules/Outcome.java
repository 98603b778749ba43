package dev.perfplatform.jmx.internal.rules;

import dev.perfplatform.jmx.model.Labels;
import dev.perfplatform.jmx.model.MetricType;
import org.jspecify.annotations.Nullable;

/** What the rules made of one attribute, before its value is read (so it can be cached). */
sealed interface Outcome {

    /** No rule matched. */
    record Unmatched() implements Outcome {}

    /**
     * A rule matched but the attribute gives no sample.
     *
     * @param ruleIndex the rule
     * @param reason why, for the debug page
     */
    record Dropped(int ruleIndex, String reason) implements Outcome {}

    /**
     * A rule matched and names the sample.
     *
     * @param ruleIndex the winning rule
     * @param family the family name, as client_java 1.3.1 sanitizes it (no reserved suffix)
     * @param type the rule's type
     * @param help the help text
     * @param labels the sample's labels (without {@code _objectname})
     * @param objectName jmx_exporter's {@code _objectname} value: the match string up to its last {@code ':'}
     * @param constant the value from the rule's {@code value:}, or null to take the attribute's
     * @param valueFactor the rule's factor
     */
    record Matched(
            int ruleIndex,
            String family,
            MetricType type,
            String help,
            Labels labels,
            String objectName,
            @Nullable Double constant,
            double valueFactor)
            implements Outcome {

        /** The sample's value for the attribute's {@code value} as jmx_exporter 1.0.1 computes it, or null to drop it. */
        @Nullable
        Double valueOf(Object attributeValue) {
            Object v = constant != null ? constant : AttributeMatcher.normalize(attributeValue);
            if (v instanceof Number number) {
                return number.doubleValue() * valueFactor;
            }
            if (v instanceof Boolean bool) {
                return bool ? 1.0 : 0.0;
            }
            return null;
        }
    }
}
