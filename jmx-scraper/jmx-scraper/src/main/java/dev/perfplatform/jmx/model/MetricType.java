package dev.perfplatform.jmx.model;

/** The metric types a jmx_exporter rule can give ({@code UNTYPED} in a rules file reads as {@link #UNKNOWN}). */
public enum MetricType {
    GAUGE,
    COUNTER,
    UNKNOWN
}
