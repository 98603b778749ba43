package dev.perfplatform.jmx.internal.scrape;

import dev.perfplatform.jmx.config.TargetConfig;
import dev.perfplatform.jmx.internal.exposition.PageOrder;
import dev.perfplatform.jmx.model.Labels;
import dev.perfplatform.jmx.model.MetricFamily;
import dev.perfplatform.jmx.model.MetricType;
import dev.perfplatform.jmx.model.Sample;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Builds one page from many targets: labels each target's series, merges families of one name into one (a type
 * conflict makes it {@code UNKNOWN}, the first help wins), drops rule families that would clash with a
 * self-metric, sorts, and drops duplicate series.
 */
final class PageAssembler {

    private final boolean targetLabel;
    private final Map<String, Family> families = new HashMap<>();

    /** @param targetLabel whether series carry {@code target="<name>"} ({@code /metrics}) or not ({@code /probe}) */
    PageAssembler(boolean targetLabel) {
        this.targetLabel = targetLabel;
    }

    /** Adds a target's families; returns how many were dropped for clashing with a self-metric. */
    int addTarget(TargetConfig target, List<MetricFamily> targetFamilies) {
        Map<String, String> added = new TreeMap<>(target.labels());
        if (targetLabel) {
            added.put("target", target.name());
        }
        int dropped = 0;
        for (MetricFamily family : targetFamilies) {
            if (SelfMetrics.clashes(family)) {
                dropped++;
                continue;
            }
            Family merged = families.computeIfAbsent(family.name(), name -> new Family(family));
            merged.merge(family.type());
            for (Sample sample : family.samples()) {
                merged.samples.add(new Sample(relabel(sample.labels(), added), sample.value()));
            }
        }
        return dropped;
    }

    /** Adds a self-metric family, whose labels are final. */
    void addSelf(MetricFamily family) {
        Family merged = families.computeIfAbsent(family.name(), name -> new Family(family));
        merged.samples.addAll(family.samples());
    }

    /** The page: families by name, samples by labels, each series once. */
    List<MetricFamily> build() {
        List<MetricFamily> page = new ArrayList<>(families.size());
        for (Family family : families.values()) {
            family.samples.sort(PageOrder.SAMPLES);
            List<Sample> unique = new ArrayList<>(family.samples.size());
            for (Sample sample : family.samples) {
                if (unique.isEmpty() || !unique.get(unique.size() - 1).labels().equals(sample.labels())) {
                    unique.add(sample);
                }
            }
            page.add(new MetricFamily(family.name, family.type, family.help, unique));
        }
        page.sort(PageOrder.FAMILIES);
        return page;
    }

    /**
     * A rule's labels plus the target's: a rule label named like an added one is renamed {@code exported_<name>},
     * as Prometheus does with {@code honor_labels: false}.
     */
    static Labels relabel(Labels ruleLabels, Map<String, String> added) {
        if (added.isEmpty()) {
            return ruleLabels;
        }
        Map<String, String> labels = new TreeMap<>(added);
        for (int i = 0; i < ruleLabels.size(); i++) {
            String name = ruleLabels.names().get(i);
            String value = ruleLabels.values().get(i);
            String exported = name;
            while (labels.containsKey(exported)) {
                exported = "exported_" + exported;
            }
            labels.put(exported, value);
        }
        return Labels.of(labels);
    }

    private static final class Family {
        final String name;
        final String help;
        MetricType type;
        final List<Sample> samples = new ArrayList<>();

        Family(MetricFamily first) {
            this.name = first.name();
            this.help = first.help();
            this.type = first.type();
        }

        void merge(MetricType other) {
            if (type != other) {
                type = MetricType.UNKNOWN;
            }
        }
    }
}
