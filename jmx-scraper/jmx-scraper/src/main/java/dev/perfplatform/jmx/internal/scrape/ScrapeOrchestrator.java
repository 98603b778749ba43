package dev.perfplatform.jmx.internal.scrape;

import dev.perfplatform.jmx.AttributeSource;
import dev.perfplatform.jmx.MetricMapper;
import dev.perfplatform.jmx.config.RulesConfig;
import dev.perfplatform.jmx.config.ScraperConfig;
import dev.perfplatform.jmx.config.TargetConfig;
import dev.perfplatform.jmx.model.MatchTrace;
import dev.perfplatform.jmx.model.MetricFamily;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Scrapes every target concurrently on a bounded pool, each within its own deadline, and assembles the page with
 * the self-metrics; a target that fails or overruns contributes only {@code up 0}.
 */
public final class ScrapeOrchestrator implements AutoCloseable {

    /** The most taken off Prometheus's scrape timeout so the page arrives before Prometheus gives up. */
    public static final Duration MAX_TIMEOUT_MARGIN = Duration.ofMillis(250);

    private final TargetSet targets;
    private final ExecutorService pool;
    private final TargetScrapes scrapes;
    private final boolean reloading;
    private final String version;

    /**
     * @param config the configuration, asked again on every scrape (a reloading one is adopted when it changes)
     * @param reloading whether to write the reload counters
     * @param sources a target's reader, from the target and the rules' filters
     * @param mappers a target's rules
     * @param threads the pool's size: at most this many targets are read at once
     * @param nanoTime the monotonic clock deadlines and durations are measured with
     * @param version the {@code version} label of {@code jmx_scraper_build_info}
     */
    public ScrapeOrchestrator(
            Supplier<ScraperConfig> config,
            boolean reloading,
            BiFunction<TargetConfig, RulesConfig, AttributeSource> sources,
            Function<RulesConfig, MetricMapper> mappers,
            int threads,
            LongSupplier nanoTime,
            String version) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1: " + threads);
        }
        ThreadPoolExecutor executor = new ThreadPoolExecutor(
                threads, threads, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), daemonThreads());
        executor.allowCoreThreadTimeOut(true);
        this.pool = executor;
        this.targets = new TargetSet(config, sources, mappers, executor);
        this.scrapes = new TargetScrapes(nanoTime);
        this.reloading = reloading;
        this.version = version;
    }

    /** Every target's series, labelled {@code target="<name>"} plus its extra labels, and the self-metrics. */
    public List<MetricFamily> scrapeAll(@Nullable Duration scrapeTimeout) {
        Map<String, TargetScraper> current = targets.current();
        List<TargetOutcome> outcomes = scrapes.scrape(new ArrayList<>(current.values()), bound(scrapeTimeout));
        return assemble(outcomes, true);
    }

    /** One target's series without the {@code target} label (as jmx_exporter prints them), and its self-metrics. */
    public Optional<List<MetricFamily>> probe(String target, @Nullable Duration scrapeTimeout) {
        TargetScraper scraper = targets.current().get(target);
        if (scraper == null) {
            return Optional.empty();
        }
        return Optional.of(assemble(scrapes.scrape(List.of(scraper), bound(scrapeTimeout)), false));
    }

    /** How the rules treat each of a target's attributes, read now within the target's deadline. */
    public Optional<List<MatchTrace>> trace(String target) throws IOException {
        TargetScraper scraper = targets.current().get(target);
        if (scraper == null) {
            return Optional.empty();
        }
        return Optional.of(scraper.trace(scraper.target().deadline()));
    }

    /** The targets' names, in configuration order. */
    public List<String> targetNames() {
        return List.copyOf(targets.current().keySet());
    }

    private List<MetricFamily> assemble(List<TargetOutcome> outcomes, boolean targetLabel) {
        PageAssembler page = new PageAssembler(targetLabel);
        for (TargetOutcome outcome : outcomes) {
            int dropped = page.addTarget(outcome.target(), outcome.families());
            int series = 0;
            for (MetricFamily family : outcome.families()) {
                series += SelfMetrics.clashes(family) ? 0 : family.samples().size();
            }
            SelfMetrics.forTarget(outcome, series, dropped).forEach(page::addSelf);
        }
        page.addSelf(SelfMetrics.buildInfo(version));
        if (reloading) {
            long[] counts = targets.reloadCounts();
            page.addSelf(SelfMetrics.reloads(counts[0], counts[1]));
        }
        return page.build();
    }

    /** Prometheus's scrape timeout less a margin (a tenth of it, at most {@link #MAX_TIMEOUT_MARGIN}). */
    static @Nullable Duration bound(@Nullable Duration scrapeTimeout) {
        if (scrapeTimeout == null) {
            return null;
        }
        Duration tenth = scrapeTimeout.dividedBy(10);
        Duration margin = tenth.compareTo(MAX_TIMEOUT_MARGIN) < 0 ? tenth : MAX_TIMEOUT_MARGIN;
        return scrapeTimeout.minus(margin);
    }

    @Override
    public void close() {
        targets.close();
        pool.shutdownNow();
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, "jmx-scraper-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
