package dev.perfplatform.jmx;

import dev.perfplatform.jmx.config.RulesConfig;
import dev.perfplatform.jmx.config.ScraperConfig;
import dev.perfplatform.jmx.config.TargetConfig;
import dev.perfplatform.jmx.internal.jolokia.JolokiaAttributeSource;
import dev.perfplatform.jmx.internal.rules.RuleEngines;
import dev.perfplatform.jmx.internal.scrape.ScrapeOrchestrator;
import dev.perfplatform.jmx.model.MatchTrace;
import dev.perfplatform.jmx.model.MetricFamily;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Scrapes many JVMs through Jolokia and turns their MBeans into metric families with jmx_exporter's rules.
 *
 * <pre>{@code
 * try (JmxScraper scraper = JmxScraper.create(config)) {
 *     List<MetricFamily> page = scraper.scrape(null);
 *     ExpositionFormat.PROMETHEUS_TEXT.write(out, page); // or OPENMETRICS; contentType() for the header
 * }
 * }</pre>
 *
 * <p>{@link ExpositionFormat} renders a page as Prometheus text or OpenMetrics.
 *
 * <p>Targets are scraped concurrently, each within its own deadline; a target that fails or overruns contributes
 * only its self-metrics with {@code jmx_scraper_target_up 0}. Thread-safe; overlapping scrapes of one target share
 * one read.
 */
public final class JmxScraper implements AutoCloseable {

    /** The pool size when the builder names none: at most this many targets are read at once. */
    public static final int DEFAULT_THREADS = 8;

    private final ScrapeOrchestrator orchestrator;

    private JmxScraper(ScrapeOrchestrator orchestrator) {
        this.orchestrator = orchestrator;
    }

    /** A scraper of a fixed configuration, reading targets with Jolokia and applying the rules engine. */
    public static JmxScraper create(ScraperConfig config) {
        Objects.requireNonNull(config, "config");
        return builder().config(config).build();
    }

    /** A builder, for a reloading configuration, other readers or rules, a clock or the pool size. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * jmx_exporter 1.0.1's rules, the builder's default {@link Builder#mappers mappers}: each configuration's rules
     * are compiled once and every target gets its own match cache over them. Applying it compiles the rules (or
     * reuses them for an equal configuration), so it is also the check that keeps a reload with a rule that cannot
     * compile from being adopted; pass the same function to both, and the rules the check compiled are the ones
     * the targets use:
     *
     * <pre>{@code
     * Function<RulesConfig, MetricMapper> rules = JmxScraper.ruleEngine();
     * ReloadingConfig config = ReloadingConfig.of(path, rules);
     * JmxScraper scraper = JmxScraper.builder().config(config::current).mappers(rules).build();
     * }</pre>
     *
     * <p>The function throws a {@link dev.perfplatform.jmx.config.ConfigException} at the rule's origin when a rule
     * read from a file cannot be compiled.
     */
    public static Function<RulesConfig, MetricMapper> ruleEngine() {
        return new RuleEngines();
    }

    /**
     * Scrapes every target: each target's series with {@code target="<name>"} and its extra labels, families of
     * one name merged, plus the self-metrics.
     *
     * @param scrapeTimeout Prometheus's scrape timeout ({@code X-Prometheus-Scrape-Timeout-Seconds}), which bounds
     *     every target's deadline less a small margin; null when not known
     */
    public List<MetricFamily> scrape(@Nullable Duration scrapeTimeout) {
        return orchestrator.scrapeAll(scrapeTimeout);
    }

    /**
     * Scrapes one target: its series without the {@code target} label (as jmx_exporter would print them for that
     * JVM), its extra labels, and its self-metrics; empty when no target has that name.
     */
    public Optional<List<MetricFamily>> probe(String target, @Nullable Duration scrapeTimeout) {
        Objects.requireNonNull(target, "target");
        return orchestrator.probe(target, scrapeTimeout);
    }

    /**
     * Reads one target now and tells how the rules treat each attribute; empty when no target has that name.
     *
     * @throws IOException when the target cannot be read
     */
    public Optional<List<MatchTrace>> trace(String target) throws IOException {
        Objects.requireNonNull(target, "target");
        return orchestrator.trace(target);
    }

    /** The targets' names, in configuration order. */
    public List<String> targetNames() {
        return orchestrator.targetNames();
    }

    /** Stops the pool and closes every target's reader. */
    @Override
    public void close() {
        orchestrator.close();
    }

    /** Builds a {@link JmxScraper}; only the configuration is required. */
    public static final class Builder {
        private @Nullable Supplier<ScraperConfig> config;
        private @Nullable ScraperConfig fixed;
        private @Nullable BiFunction<TargetConfig, RulesConfig, AttributeSource> sources;
        private @Nullable Function<RulesConfig, MetricMapper> mappers;
        private int threads = DEFAULT_THREADS;
        private LongSupplier nanoTime = System::nanoTime;

        private Builder() {}

        /** A fixed configuration. */
        public Builder config(ScraperConfig config) {
            Objects.requireNonNull(config, "config");
            this.config = () -> config;
            this.fixed = config;
            return this;
        }

        /**
         * A configuration asked again on every scrape and adopted when it changes (targets whose settings are
         * unchanged keep their readers); when it throws, the previous one stays and
         * {@code jmx_scraper_config_reloads_total{result="failure"}} counts it.
         */
        public Builder config(Supplier<ScraperConfig> config) {
            this.config = Objects.requireNonNull(config, "config");
            this.fixed = null;
            return this;
        }

        /** How a target is read, from the target and the rules (whose object-name filters the reader applies). */
        public Builder sources(BiFunction<TargetConfig, RulesConfig, AttributeSource> sources) {
            this.sources = Objects.requireNonNull(sources, "sources");
            return this;
        }

        /**
         * The rules engine, asked once per target each time the configuration changes, and once by {@link #build()}
         * for a fixed configuration (default {@link JmxScraper#ruleEngine()}).
         */
        public Builder mappers(Function<RulesConfig, MetricMapper> mappers) {
            this.mappers = Objects.requireNonNull(mappers, "mappers");
            return this;
        }

        /** The pool size: at most this many targets are read at once (default {@link JmxScraper#DEFAULT_THREADS}). */
        public Builder threads(int threads) {
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be at least 1: " + threads);
            }
            this.threads = threads;
            return this;
        }

        /** The monotonic clock, in nanoseconds, that deadlines and durations are measured with. */
        public Builder nanoTime(LongSupplier nanoTime) {
            this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
            return this;
        }

        /**
         * The scraper. A fixed configuration's rules are compiled now; a configuration supplier is asked for the
         * first time at the first scrape.
         *
         * @throws dev.perfplatform.jmx.config.ConfigException when a rule of a fixed configuration, read from a
         *     file, cannot be compiled (at the rule's origin)
         * @throws IllegalArgumentException when a rule of a fixed configuration, built in code, cannot be compiled
         */
        public JmxScraper build() {
            Supplier<ScraperConfig> configured = config;
            if (configured == null) {
                throw new IllegalStateException("config is required");
            }
            BiFunction<TargetConfig, RulesConfig, AttributeSource> readers =
                    sources != null ? sources : defaultSources();
            Function<RulesConfig, MetricMapper> rules = mappers != null ? mappers : ruleEngine();
            if (fixed != null) {
                var unused = rules.apply(fixed.rules()); // fails now on a rule that cannot compile; targets reuse it
            }
            return new JmxScraper(
                    new ScrapeOrchestrator(configured, fixed == null, readers, rules, threads, nanoTime, version()));
        }
    }

    /** Each target read through its Jolokia agent, with the rules' object-name and attribute filters. */
    private static BiFunction<TargetConfig, RulesConfig, AttributeSource> defaultSources() {
        return JolokiaAttributeSource::new;
    }

    /** This jar's version from its manifest, or {@code unknown} when run from classes. */
    static String version() {
        String version = JmxScraper.class.getPackage().getImplementationVersion();
        return version == null ? "unknown" : version;
    }
}
