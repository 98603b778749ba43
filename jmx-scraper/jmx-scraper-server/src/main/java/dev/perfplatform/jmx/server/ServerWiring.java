package dev.perfplatform.jmx.server;

import dev.perfplatform.jmx.config.ReloadingConfig;
import dev.perfplatform.jmx.config.ScraperConfig;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/** The executable's wiring of the configuration file and the scraper. */
final class ServerWiring {

    private ServerWiring() {}

    static Launcher.Wiring launch() {
        return new Launcher.Wiring(ServerWiring::reloading, UnaryOperator.identity());
    }

    /**
     * The file, re-read when it changes. Its warnings go to standard error once; a reload that fails is reported to
     * the scraper once (by throwing), which keeps the previous configuration and counts it in
     * {@code jmx_scraper_config_reloads_total{result="failure"}}.
     */
    private static Supplier<ScraperConfig> reloading(Path file) {
        ReloadingConfig config = ReloadingConfig.of(file);
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
