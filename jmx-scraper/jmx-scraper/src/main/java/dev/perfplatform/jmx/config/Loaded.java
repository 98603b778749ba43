package dev.perfplatform.jmx.config;

import java.util.List;
import java.util.Objects;

/**
 * A configuration as loaded, with the warnings its keys gave.
 *
 * @param value the configuration
 * @param warnings every warning, in file order
 * @param <T> {@link ScraperConfig} or {@link RulesConfig}
 */
public record Loaded<T>(T value, List<ConfigWarning> warnings) {

    public Loaded {
        Objects.requireNonNull(value, "value");
        warnings = List.copyOf(warnings);
    }
}
