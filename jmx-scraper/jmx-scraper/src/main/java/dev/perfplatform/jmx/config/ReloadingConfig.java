package dev.perfplatform.jmx.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A configuration file re-read when it changes: {@link #current()} compares the file's modification time and size
 * with those last read (one {@code stat} per call) and reloads on a difference. A failed reload (the file cannot be
 * read, is invalid, or the check rejects it) keeps the previous configuration, is counted, and is not retried until
 * the file changes again. Thread-safe.
 *
 * <pre>{@code
 * Function<RulesConfig, MetricMapper> rules = JmxScraper.ruleEngine();
 * ReloadingConfig config = ReloadingConfig.of(Path.of("jmx-scraper.yml"), rules);
 * ScraperConfig now = config.current(); // on every scrape
 * }</pre>
 */
public final class ReloadingConfig {

    private final Path file;
    private final Function<Path, Loaded<ScraperConfig>> loader;
    private Loaded<ScraperConfig> loaded;
    private @Nullable Stamp stamp;
    private long successes;
    private long failures;
    private @Nullable String lastError;

    private record Stamp(long modifiedMillis, long size) {}

    ReloadingConfig(Path file, Function<Path, Loaded<ScraperConfig>> loader) {
        this.file = Objects.requireNonNull(file, "file");
        this.loader = Objects.requireNonNull(loader, "loader");
        this.stamp = stamp(file);
        this.loaded = loader.apply(file);
    }

    /**
     * Loads {@code file} now and watches it.
     *
     * @param rulesEngine the rules engine the targets use, applied to the rules of every configuration read (the
     *     first included) before it is adopted: a rule it cannot compile (it throws, usually a {@link
     *     ConfigException} at the rule's origin) rejects the configuration. This package reads YAML and knows no
     *     engine; {@code JmxScraper.ruleEngine()} is jmx_exporter's.
     * @throws ConfigException when the file cannot be read or is invalid
     * @throws RuntimeException whatever {@code rulesEngine} throws for the first configuration
     */
    public static ReloadingConfig of(Path file, Function<? super RulesConfig, ?> rulesEngine) {
        Objects.requireNonNull(rulesEngine, "rulesEngine");
        return new ReloadingConfig(file, path -> {
            Loaded<ScraperConfig> loaded = ConfigLoader.load(path);
            var unused = rulesEngine.apply(loaded.value().rules()); // the engine keeps what it compiled
            return loaded;
        });
    }

    /** The configuration, re-read first if the file's modification time or size changed since the last read. */
    public synchronized ScraperConfig current() {
        Stamp now = stamp(file);
        if (!Objects.equals(now, stamp)) {
            stamp = now;
            try {
                loaded = loader.apply(file);
                successes++;
                lastError = null;
            } catch (RuntimeException e) { // ConfigException, or anything a loader throws: keep the old one
                failures++;
                lastError = String.valueOf(e.getMessage());
            }
        }
        return loaded.value();
    }

    /** The warnings of the configuration in use. */
    public synchronized List<ConfigWarning> warnings() {
        return loaded.warnings();
    }

    /** How many reloads succeeded (the first load not counted). */
    public synchronized long reloadSuccesses() {
        return successes;
    }

    /** How many reloads failed, each keeping the previous configuration. */
    public synchronized long reloadFailures() {
        return failures;
    }

    /** The last reload's error, or null when the last reload succeeded (or none happened). */
    public synchronized @Nullable String lastError() {
        return lastError;
    }

    private static @Nullable Stamp stamp(Path file) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            return new Stamp(attributes.lastModifiedTime().toMillis(), attributes.size());
        } catch (IOException e) {
            return null; // gone or unreadable: the reload attempt reports it
        }
    }
}
