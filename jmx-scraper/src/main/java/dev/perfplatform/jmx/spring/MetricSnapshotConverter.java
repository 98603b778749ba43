package dev.perfplatform.jmx.spring;

import dev.perfplatform.jmx.model.MetricFamily;
import dev.perfplatform.jmx.model.Sample;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricMetadata;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.UnknownSnapshot;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns the scraper's families into client_java snapshots, sample for sample: the same name (a counter's without
 * {@code _total}, which client_java appends), help, type, labels and value (NaN and infinities included).
 */
final class MetricSnapshotConverter {

    private MetricSnapshotConverter() {}

    /**
     * The family as a snapshot.
     *
     * @throws IllegalArgumentException when client_java refuses it (a name it reserves, a negative counter)
     */
    static MetricSnapshot convert(MetricFamily family) {
        MetricMetadata metadata =
                new MetricMetadata(family.name(), family.help().isEmpty() ? null : family.help());
        return switch (family.type()) {
            case GAUGE -> {
                List<GaugeSnapshot.GaugeDataPointSnapshot> points =
                        new ArrayList<>(family.samples().size());
                for (Sample sample : family.samples()) {
                    points.add(new GaugeSnapshot.GaugeDataPointSnapshot(sample.value(), labels(sample), null));
                }
                yield new GaugeSnapshot(metadata, points);
            }
            case COUNTER -> {
                List<CounterSnapshot.CounterDataPointSnapshot> points =
                        new ArrayList<>(family.samples().size());
                for (Sample sample : family.samples()) {
                    points.add(new CounterSnapshot.CounterDataPointSnapshot(sample.value(), labels(sample), null, 0L));
                }
                yield new CounterSnapshot(metadata, points);
            }
            case UNKNOWN -> {
                List<UnknownSnapshot.UnknownDataPointSnapshot> points =
                        new ArrayList<>(family.samples().size());
                for (Sample sample : family.samples()) {
                    points.add(new UnknownSnapshot.UnknownDataPointSnapshot(sample.value(), labels(sample), null));
                }
                yield new UnknownSnapshot(metadata, points);
            }
        };
    }

    private static Labels labels(Sample sample) {
        return sample.labels().size() == 0
                ? Labels.EMPTY
                : Labels.of(sample.labels().names(), sample.labels().values());
    }
}
