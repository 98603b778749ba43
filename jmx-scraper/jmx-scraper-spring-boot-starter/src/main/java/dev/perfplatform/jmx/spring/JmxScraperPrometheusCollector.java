package dev.perfplatform.jmx.spring;

import dev.perfplatform.jmx.JmxScraper;
import dev.perfplatform.jmx.model.MetricFamily;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * Serves the scraper's families at {@code /actuator/prometheus} as a client_java {@link MultiCollector} of
 * Micrometer's {@link PrometheusRegistry}. client_java fails the whole page on two families of one name, so a family
 * named like one another collector serves (a Micrometer meter, say) is dropped instead, counted in {@value
 * #DROPPED_METER} and logged once per name; so is a family client_java refuses (a negative counter).
 *
 * <p>To learn the other collectors' names it asks the registry for a page that includes nothing, recording the names
 * it is asked about; collectors that do not declare their names (Micrometer's) are collected twice per scrape.
 */
public final class JmxScraperPrometheusCollector implements MultiCollector, AutoCloseable {

    /**
     * The Micrometer counter of dropped families, tagged {@code reason=collision|invalid}. Not {@code
     * jmx.scraper.dropped.families}, whose Prometheus name is the scraper's own self-metric.
     */
    public static final String DROPPED_METER = "jmx.scraper.merge.dropped.families";

    private static final Log log = LogFactory.getLog(JmxScraperPrometheusCollector.class);
    private static final ThreadLocal<Boolean> PROBING = ThreadLocal.withInitial(() -> false);

    private final JmxScraper scraper;
    private final PrometheusRegistry registry;
    private final @Nullable Counter collisions;
    private final @Nullable Counter invalid;
    private final Set<String> warned = ConcurrentHashMap.newKeySet();

    private JmxScraperPrometheusCollector(
            JmxScraper scraper, PrometheusRegistry registry, @Nullable MeterRegistry meters) {
        this.scraper = scraper;
        this.registry = registry;
        this.collisions = meters == null ? null : dropped(meters, "collision");
        this.invalid = meters == null ? null : dropped(meters, "invalid");
    }

    /**
     * Registers a collector of {@code scraper}'s families into {@code registry}; {@link #close()} unregisters it.
     *
     * @param meters where the dropped families are counted, or null not to count them
     */
    public static JmxScraperPrometheusCollector register(
            JmxScraper scraper, PrometheusRegistry registry, @Nullable MeterRegistry meters) {
        Objects.requireNonNull(scraper, "scraper");
        Objects.requireNonNull(registry, "registry");
        JmxScraperPrometheusCollector collector = new JmxScraperPrometheusCollector(scraper, registry, meters);
        registry.register(collector);
        return collector;
    }

    private static Counter dropped(MeterRegistry meters, String reason) {
        return Counter.builder(DROPPED_METER)
                .description("Scraped JMX families left out of the Prometheus page because another meter has their"
                        + " name (collision) or the Prometheus client refuses them (invalid)")
                .tag("reason", reason)
                .register(meters);
    }

    @Override
    public MetricSnapshots collect() {
        if (PROBING.get()) {
            return new MetricSnapshots();
        }
        Set<String> taken = namesOfOtherCollectors();
        MetricSnapshots.Builder page = MetricSnapshots.builder();
        for (MetricFamily family : scraper.scrape(null)) {
            MetricSnapshot snapshot;
            try {
                snapshot = MetricSnapshotConverter.convert(family);
            } catch (IllegalArgumentException e) {
                drop(invalid, family.name(), "the Prometheus client refuses it: " + e.getMessage());
                continue;
            }
            if (!taken.add(snapshot.getMetadata().getPrometheusName())) {
                drop(collisions, family.name(), "another meter of /actuator/prometheus has its name");
                continue;
            }
            page.metricSnapshot(snapshot);
        }
        return page.build();
    }

    private Set<String> namesOfOtherCollectors() {
        Set<String> names = new HashSet<>();
        PROBING.set(true);
        try {
            registry.scrape(name -> {
                names.add(name);
                return false;
            });
        } finally {
            PROBING.remove();
        }
        return names;
    }

    private void drop(@Nullable Counter counter, String family, String why) {
        if (counter != null) {
            counter.increment();
        }
        if (warned.add(family)) {
            log.warn("Scraped JMX family " + family + " is left out of /actuator/prometheus: " + why);
        }
    }

    /** Unregisters this collector. */
    @Override
    public void close() {
        registry.unregister(this);
    }
}
