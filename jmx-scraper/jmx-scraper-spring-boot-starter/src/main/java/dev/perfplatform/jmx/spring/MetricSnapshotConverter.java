package dev.perfplatform.jmx.spring;

import dev.perfplatform.jmx.model.MetricFamily;
import dev.perfplatform.jmx.model.MetricType;
import dev.perfplatform.jmx.model.Sample;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.InfoSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricMetadata;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.UnknownSnapshot;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns the scraper's families into client_java snapshots, sample for sample: the same name (a counter's without
 * {@code _total}, which client_java appends), help, type, labels and value (NaN and infinities included). A gauge
 * named {@code *_info} whose values are all 1 becomes client_java's info metric, which client_java requires of that
 * name and writes as the same gauge in text format 0.0.4.
 */
final class MetricSnapshotConverter {

    private static final String INFO_SUFFIX = "_info";

    private MetricSnapshotConverter() {}

    /**
     * The family as a snapshot.
     *
     * @throws IllegalArgumentException when client_java refuses it (a name it reserves, a negative counter)
     */
    static MetricSnapshot convert(MetricFamily family) {
        if (isInfo(family)) {
            List<InfoSnapshot.InfoDataPointSnapshot> points =
                    new ArrayList<>(family.samples().size());
            for (Sample sample : family.samples()) {
                points.add(new InfoSnapshot.InfoDataPointSnapshot(labels(sample)));
            }
            String name = family.name().substring(0, family.name().length() - INFO_SUFFIX.length());
            return new InfoSnapshot(metadata(name, family.help()), points);
        }
        MetricMetadata metadata = metadata(family.name(), family.help());
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

    /** A gauge named {@code *_info} whose every value is 1: client_java's info metric, written as that gauge. */
    private static boolean isInfo(MetricFamily family) {
        return family.type() == MetricType.GAUGE
                && family.name().endsWith(INFO_SUFFIX)
                && family.name().length() > INFO_SUFFIX.length()
                && family.samples().stream().allMatch(sample -> sample.value() == 1.0);
    }

    private static MetricMetadata metadata(String name, String help) {
        return new MetricMetadata(name, help.isEmpty() ? null : help);
    }

    private static Labels labels(Sample sample) {
        return sample.labels().size() == 0
                ? Labels.EMPTY
                : Labels.of(sample.labels().names(), sample.labels().values());
    }
}
