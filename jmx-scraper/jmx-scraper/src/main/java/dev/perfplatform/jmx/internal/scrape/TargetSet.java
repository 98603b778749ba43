package dev.perfplatform.jmx.internal.scrape;

import dev.perfplatform.jmx.AttributeSource;
import dev.perfplatform.jmx.MetricMapper;
import dev.perfplatform.jmx.config.RulesConfig;
import dev.perfplatform.jmx.config.ScraperConfig;
import dev.perfplatform.jmx.config.TargetConfig;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The targets of the current configuration, rebuilt when the configuration changes: a target whose settings and
 * rules are unchanged keeps its reader (and its connection and caches); a configuration that cannot be read or
 * built leaves the previous one in place and is counted (one that cannot be built, once: it is not tried again until
 * the supplier returns another).
 */
final class TargetSet implements AutoCloseable {

    private final Supplier<ScraperConfig> config;
    private final BiFunction<TargetConfig, RulesConfig, AttributeSource> sources;
    private final Function<RulesConfig, MetricMapper> mappers;
    private final Executor executor;
    private @Nullable ScraperConfig current;
    private @Nullable ScraperConfig rejected;
    private Map<String, TargetScraper> scrapers = Map.of();
    private long successes;
    private long failures;
    private boolean closed;

    TargetSet(
            Supplier<ScraperConfig> config,
            BiFunction<TargetConfig, RulesConfig, AttributeSource> sources,
            Function<RulesConfig, MetricMapper> mappers,
            Executor executor) {
        this.config = config;
        this.sources = sources;
        this.mappers = mappers;
        this.executor = executor;
    }

    /**
     * The targets by name, in configuration order, after adopting the supplier's configuration if it changed.
     *
     * @throws IllegalStateException when no configuration was ever read or the set is closed
     */
    synchronized Map<String, TargetScraper> current() {
        if (closed) {
            throw new IllegalStateException("the scraper is closed");
        }
        ScraperConfig next;
        try {
            next = config.get();
        } catch (RuntimeException e) {
            return keepPrevious(e);
        }
        if (next.equals(current) || (current != null && next.equals(rejected))) {
            return scrapers;
        }
        try {
            scrapers = rebuild(next);
        } catch (RuntimeException e) {
            rejected = next;
            return keepPrevious(e);
        }
        rejected = null;
        if (current != null) {
            successes++;
        }
        current = next;
        return scrapers;
    }

    /** New configurations adopted after the first, and failed reads or builds, so far. */
    synchronized long[] reloadCounts() {
        return new long[] {successes, failures};
    }

    private Map<String, TargetScraper> keepPrevious(RuntimeException e) {
        if (current == null) {
            throw new IllegalStateException("the configuration could not be read: " + e.getMessage(), e);
        }
        failures++;
        return scrapers;
    }

    private Map<String, TargetScraper> rebuild(ScraperConfig next) {
        boolean sameRules = current != null && current.rules().equals(next.rules());
        Map<String, TargetScraper> built = new LinkedHashMap<>();
        List<TargetScraper> created = new ArrayList<>();
        try {
            for (TargetConfig target : next.targets()) {
                TargetScraper old = scrapers.get(target.name());
                if (sameRules && old != null && old.target().equals(target)) {
                    built.put(target.name(), old);
                } else {
                    MetricMapper mapper = mappers.apply(next.rules()); // first: a rule that fails leaves no reader open
                    TargetScraper scraper =
                            new TargetScraper(target, sources.apply(target, next.rules()), mapper, executor);
                    created.add(scraper);
                    built.put(target.name(), scraper);
                }
            }
        } catch (RuntimeException e) {
            created.forEach(TargetScraper::close);
            throw e;
        }
        for (TargetScraper old : scrapers.values()) {
            if (built.get(old.target().name()) != old) {
                old.close();
            }
        }
        return Collections.unmodifiableMap(built);
    }

    @Override
    public synchronized void close() {
        closed = true;
        scrapers.values().forEach(TargetScraper::close);
        scrapers = Map.of();
    }
}
