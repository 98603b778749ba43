package dev.perfplatform.jmx.server;

import dev.perfplatform.jmx.JmxScraper;
import dev.perfplatform.jmx.MetricMapper;
import dev.perfplatform.jmx.config.ReloadingConfig;
import dev.perfplatform.jmx.config.RulesConfig;
import dev.perfplatform.jmx.config.ScraperConfig;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;

/** The executable's wiring of the configuration file and the scraper. */
final class ServerWiring {

    private ServerWiring() {}

    /**
     * The file's configuration and jmx_exporter's rules, sharing one rules engine: a reload whose rules cannot be
     * compiled is rejected by the file's check, and the rules the check compiled are the ones the targets use.
     */
    static Launcher.Wiring launch() {
        Function<RulesConfig, MetricMapper> rules = JmxScraper.ruleEngine();
        return new Launcher.Wiring(file -> reloading(file, rules), builder -> builder.mappers(rules));
    }

    /**
     * The file, re-read when it changes. Its warnings go to standard error once; a reload that fails is reported to
     * the scraper once (by throwing), which keeps the previous configuration and counts it in
     * {@code jmx_scraper_config_reloads_total{result="failure"}}.
     */
    private static Supplier<ScraperConfig> reloading(Path file, Function<RulesConfig, MetricMapper> rules) {
        ReloadingConfig config = ReloadingConfig.of(file, rules);
        config.warnings().forEach(warning -> System.err.println("jmx-scraper: warning: " + warning));
        AtomicLong failuresSeen = new AtomicLong();
        return () -> {
            ScraperConfig current = config.current();
            long failures = config.reloadFailures();
            if (failuresSeen.getAndSet(failures) != failures) {
                throw new IllegalStateException("reloading " + file + " failed, keeping the previous configuration: "
                        + Objects.requireNonNullElse(config.lastError(), "unknown error"));
            }
            return current;
        };
    }
}
