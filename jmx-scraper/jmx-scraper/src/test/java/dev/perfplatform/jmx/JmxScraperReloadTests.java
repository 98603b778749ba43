package dev.perfplatform.jmx;

import static dev.perfplatform.jmx.FakeSource.attribute;
import static dev.perfplatform.jmx.JmxScraperTests.config;
import static dev.perfplatform.jmx.JmxScraperTests.lines;
import static dev.perfplatform.jmx.JmxScraperTests.target;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.perfplatform.jmx.config.ScraperConfig;
import dev.perfplatform.jmx.model.MetricFamily;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class JmxScraperReloadTests {

    private final List<FakeSource> created = new ArrayList<>();
    private final AtomicReference<Object> config = new AtomicReference<>();

    @Test
    void adoptsAChangedConfigurationAndKeepsTheReadersOfUnchangedTargets() {
        config.set(config(target("a", Map.of()), target("b", Map.of())));
        try (JmxScraper scraper = scraper()) {
            scraper.scrape(null);
            config.set(config(target("a", Map.of()), target("c", Map.of())));

            List<String> up = lines(scraper.scrape(null), "jmx_scraper_target_up{");

            assertThat(up)
                    .containsExactly(
                            "jmx_scraper_target_up{target=\"a\"} 1.0", "jmx_scraper_target_up{target=\"c\"} 1.0");
            assertThat(created).hasSize(3);
            assertThat(created.get(0).closed()).as("a kept").isFalse();
            assertThat(created.get(1).closed()).as("b closed").isTrue();
            assertThat(lines(scraper.scrape(null), "jmx_scraper_config_reloads_total{"))
                    .containsExactly(
                            "jmx_scraper_config_reloads_total{result=\"failure\"} 0.0",
                            "jmx_scraper_config_reloads_total{result=\"success\"} 1.0");
        }
    }

    @Test
    void keepsThePreviousConfigurationWhenReadingTheNewOneFailsAndCountsIt() {
        config.set(config(target("a", Map.of())));
        try (JmxScraper scraper = scraper()) {
            scraper.scrape(null);
            config.set(new IllegalArgumentException("line 3: unknown key"));

            List<MetricFamily> page = scraper.scrape(null);

            assertThat(lines(page, "jmx_scraper_target_up{"))
                    .containsExactly("jmx_scraper_target_up{target=\"a\"} 1.0");
            assertThat(lines(page, "jmx_scraper_config_reloads_total{"))
                    .containsExactly(
                            "jmx_scraper_config_reloads_total{result=\"failure\"} 1.0",
                            "jmx_scraper_config_reloads_total{result=\"success\"} 0.0");
        }
    }

    @Test
    void failsWhenTheFirstConfigurationCannotBeRead() {
        config.set(new IllegalArgumentException("line 3: unknown key"));
        try (JmxScraper scraper = scraper()) {
            assertThatThrownBy(() -> scraper.scrape(null))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("line 3: unknown key");
        }
    }

    @Test
    void writesNoReloadCountersForAFixedConfiguration() {
        try (JmxScraper scraper = JmxScraper.builder()
                .config(config(target("a", Map.of())))
                .sources((target, rules) -> FakeSource.serving())
                .mappers(rules -> new FakeMapper())
                .build()) {
            assertThat(lines(scraper.scrape(null), "jmx_scraper_config_reloads"))
                    .isEmpty();
        }
    }

    private JmxScraper scraper() {
        return JmxScraper.builder()
                .config(() -> {
                    Object current = config.get();
                    if (current instanceof RuntimeException e) {
                        throw e;
                    }
                    return (ScraperConfig) current;
                })
                .sources((target, rules) -> {
                    FakeSource source = FakeSource.serving(attribute("Memory", "used", 1));
                    created.add(source);
                    return source;
                })
                .mappers(rules -> new FakeMapper())
                .build();
    }
}
