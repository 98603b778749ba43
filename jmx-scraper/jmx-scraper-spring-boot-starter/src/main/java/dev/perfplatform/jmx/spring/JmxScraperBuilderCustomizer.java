package dev.perfplatform.jmx.spring;

import dev.perfplatform.jmx.JmxScraper;

/**
 * Adjusts the auto-configured {@link JmxScraper} before it is built (other readers or rules, a reloading
 * configuration, a clock), after the {@code jmx.scraper.*} properties are applied.
 */
@FunctionalInterface
public interface JmxScraperBuilderCustomizer {

    /** Changes {@code builder}. */
    void customize(JmxScraper.Builder builder);
}
