package dev.perfplatform.jmx.model;

import java.util.List;
import java.util.Objects;

/**
 * Every sample of one metric name, written as one group under one HELP and one TYPE.
 *
 * @param name the family's name; for a {@link MetricType#COUNTER} the name without {@code _total}, which the
 *     writers append to its samples (as Prometheus client_java 1.x, and so jmx_exporter 1.x, does)
 * @param type the family's type
 * @param help the help text, unescaped
 * @param samples the samples; no two have the same labels
 */
public record MetricFamily(String name, MetricType type, String help, List<Sample> samples) {

    public MetricFamily {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(help, "help");
        samples = List.copyOf(samples);
    }
}
