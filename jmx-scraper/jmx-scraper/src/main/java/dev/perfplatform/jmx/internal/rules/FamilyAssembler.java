package dev.perfplatform.jmx.internal.rules;

import dev.perfplatform.jmx.model.Labels;
import dev.perfplatform.jmx.model.MetricFamily;
import dev.perfplatform.jmx.model.MetricType;
import dev.perfplatform.jmx.model.Sample;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Groups samples into families as jmx_exporter 1.0.1's {@code MatchedRuleToMetricSnapshotsConverter} does: by
 * name, the first sample's help, {@code UNKNOWN} when rules of different types share a name, and an
 * {@code _objectname} label on every sample of a family in which two samples have the same labels. Where
 * client_java would throw and lose the page (a sample already labelled {@code _objectname}, or still-identical
 * labels), the later sample is dropped instead.
 */
final class FamilyAssembler {

    static final String OBJECTNAME = "_objectname";

    /** Labels in client_java's order: names element by element, then values. */
    static final Comparator<Labels> LABEL_ORDER = (a, b) -> {
        int byNames = compare(a.names(), b.names());
        return byNames != 0 ? byNames : compare(a.values(), b.values());
    };

    private final Map<String, Builder> families = new HashMap<>();

    private record Pending(Labels labels, String objectName, double value) {}

    private static final class Builder {
        final MetricType type;
        final String help;
        boolean mixed;
        final List<Pending> samples = new ArrayList<>();

        Builder(MetricType type, String help) {
            this.type = type;
            this.help = help;
        }
    }

    void add(Outcome.Matched matched, double value) {
        Builder family =
                families.computeIfAbsent(matched.family(), name -> new Builder(matched.type(), matched.help()));
        family.mixed |= family.type != matched.type();
        family.samples.add(new Pending(matched.labels(), matched.objectName(), value));
    }

    /** The families, sorted by name, each one's samples sorted by labels, no two with the same labels. */
    List<MetricFamily> families() {
        List<MetricFamily> result = new ArrayList<>(families.size());
        for (Map.Entry<String, Builder> entry : new TreeMap<>(families).entrySet()) {
            Builder family = entry.getValue();
            result.add(new MetricFamily(
                    entry.getKey(),
                    family.mixed ? MetricType.UNKNOWN : family.type,
                    family.help,
                    samples(family.samples)));
        }
        return result;
    }

    private static List<Sample> samples(List<Pending> pending) {
        Set<Labels> seen = new HashSet<>();
        boolean unique = true;
        for (Pending sample : pending) {
            unique &= seen.add(sample.labels());
        }
        List<Sample> samples = new ArrayList<>(pending.size());
        for (Pending sample : pending) {
            Labels labels = sample.labels();
            if (!unique) {
                if (labels.names().contains(OBJECTNAME)) {
                    continue;
                }
                Map<String, String> withObjectName = new HashMap<>();
                for (int i = 0; i < labels.size(); i++) {
                    withObjectName.put(labels.names().get(i), labels.values().get(i));
                }
                withObjectName.put(OBJECTNAME, sample.objectName());
                labels = Labels.of(withObjectName);
            }
            samples.add(new Sample(labels, sample.value()));
        }
        samples.sort(Comparator.comparing(Sample::labels, LABEL_ORDER)); // stable: the first of equals stays first
        List<Sample> distinct = new ArrayList<>(samples.size());
        for (Sample sample : samples) {
            if (distinct.isEmpty()
                    || !distinct.get(distinct.size() - 1).labels().equals(sample.labels())) {
                distinct.add(sample);
            }
        }
        return distinct;
    }

    private static int compare(List<String> a, List<String> b) {
        for (int i = 0; i < a.size(); i++) {
            if (i >= b.size()) {
                return 1;
            }
            int byElement = a.get(i).compareTo(b.get(i));
            if (byElement != 0) {
                return byElement;
            }
        }
        return a.size() < b.size() ? -1 : 0;
    }
}
