package dev.perfplatform.jmx.internal.scrape;

import dev.perfplatform.jmx.model.Labels;
import dev.perfplatform.jmx.model.MetricFamily;
import dev.perfplatform.jmx.model.MetricType;
import dev.perfplatform.jmx.model.Sample;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The scraper's own families, and the names a rule's family may not take. */
final class SelfMetrics {

    static final String UP = "jmx_scraper_target_up";
    static final String DURATION = "jmx_scraper_scrape_duration_seconds";
    static final String ERRORS = "jmx_scraper_scrape_errors";
    static final String SERIES = "jmx_scraper_series";
    static final String DROPPED = "jmx_scraper_dropped_families";
    static final String BUILD_INFO = "jmx_scraper_build_info";
    static final String RELOADS = "jmx_scraper_config_reloads";

    /** Every line name a self-metric can write (a counter's family name and its {@code _total} samples). */
    private static final Set<String> RESERVED =
            Set.of(UP, DURATION, ERRORS, ERRORS + "_total", SERIES, DROPPED, BUILD_INFO, RELOADS, RELOADS + "_total");

    private SelfMetrics() {}

    /** Whether a rule's family would share a name with a self-metric. */
    static boolean clashes(MetricFamily family) {
        return RESERVED.contains(family.name())
                || (family.type() == MetricType.COUNTER && RESERVED.contains(family.name() + "_total"));
    }

    /** One target's self-metrics: up, duration, cumulative errors, series contributed, families dropped. */
    static List<MetricFamily> forTarget(TargetOutcome outcome, int series, int dropped) {
        Labels labels = Labels.of(Map.of("target", outcome.target().name()));
        List<MetricFamily> families = new ArrayList<>(5);
        families.add(
                gauge(UP, "1 when the target answered within its deadline, else 0.", labels, outcome.up() ? 1 : 0));
        families.add(gauge(
                DURATION,
                "How long this scrape waited for the target, in seconds.",
                labels,
                outcome.durationSeconds()));
        families.add(new MetricFamily(
                ERRORS,
                MetricType.COUNTER,
                "Scrapes of the target that failed or overran its deadline.",
                List.of(new Sample(labels, outcome.errorsTotal()))));
        families.add(gauge(SERIES, "Series the target contributed to this scrape.", labels, series));
        families.add(gauge(
                DROPPED,
                "Rule families dropped from this scrape because a self-metric has their name.",
                labels,
                dropped));
        return families;
    }

    /** {@code jmx_scraper_build_info{version} 1}. */
    static MetricFamily buildInfo(String version) {
        return gauge(BUILD_INFO, "The jmx-scraper build.", Labels.of(Map.of("version", version)), 1);
    }

    /** {@code jmx_scraper_config_reloads_total{result="success"|"failure"}}. */
    static MetricFamily reloads(long successes, long failures) {
        return new MetricFamily(
                RELOADS,
                MetricType.COUNTER,
                "Configuration reloads: new configurations adopted, and reads that failed (the previous one stays).",
                List.of(
                        new Sample(Labels.of(Map.of("result", "failure")), failures),
                        new Sample(Labels.of(Map.of("result", "success")), successes)));
    }

    private static MetricFamily gauge(String name, String help, Labels labels, double value) {
        return new MetricFamily(name, MetricType.GAUGE, help, List.of(new Sample(labels, value)));
    }
}
