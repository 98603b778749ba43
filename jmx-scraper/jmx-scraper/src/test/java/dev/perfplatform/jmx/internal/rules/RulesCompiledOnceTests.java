package dev.perfplatform.jmx.internal.rules;

import static dev.perfplatform.jmx.FakeSource.attribute;
import static org.assertj.core.api.Assertions.assertThat;

import dev.perfplatform.jmx.FakeSource;
import dev.perfplatform.jmx.JmxScraper;
import dev.perfplatform.jmx.MetricMapper;
import dev.perfplatform.jmx.config.ConfigLoader;
import dev.perfplatform.jmx.config.ReloadingConfig;
import dev.perfplatform.jmx.config.RulesConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each rule is compiled once per configuration, however many targets share it and however often it is re-read. */
class RulesCompiledOnceTests {

    private static final int TARGETS = 3;
    private static final String RULES = """
            rules:
              - pattern: 'test<type=(\\w+)><>used'
                name: $1_used
              - pattern: 'test<type=(\\w+)><>free'
                name: $1_free
              - pattern: 'test<type=Threads><>(\\w+)'
                name: threads_$1
                labels: {kind: $1}
              - pattern: '.*'
            """;
    private static final int RULE_COUNT = 4;

    @TempDir
    Path directory;

    @Test
    void aFixedConfigurationCompilesEachRuleOnceForAllTargets() {
        long before = CompiledRule.compilations();
        try (JmxScraper scraper = JmxScraper.builder()
                .config(ConfigLoader.parse("cfg.yml", targets() + RULES, name -> null)
                        .value())
                .sources((target, rules) -> FakeSource.serving(attribute("Memory", "used", 1)))
                .build()) {
            scraper.scrape(null);
            scraper.scrape(null);
        }
        assertThat(CompiledRule.compilations() - before).isEqualTo(RULE_COUNT);
    }

    @Test
    void aReloadingFileCompilesEachRuleOnceAndNotAgainWhenItsRulesAreUnchanged() throws IOException {
        Path file = directory.resolve("jmx-scraper.yml");
        write(file, targets() + RULES, 0);
        long before = CompiledRule.compilations();
        Function<RulesConfig, MetricMapper> rules = JmxScraper.ruleEngine();
        ReloadingConfig config = ReloadingConfig.of(file, rules);
        try (JmxScraper scraper = JmxScraper.builder()
                .config(config::current)
                .sources((target, filters) -> FakeSource.serving(attribute("Memory", "used", 1)))
                .mappers(rules)
                .build()) {
            scraper.scrape(null);
            assertThat(CompiledRule.compilations() - before).as("first read").isEqualTo(RULE_COUNT);

            write(file, targets() + RULES, 1); // touched, same text
            scraper.scrape(null);
            write(file, "# moved down a line\n" + targets() + RULES, 2); // same rules, other lines
            scraper.scrape(null);

            assertThat(config.reloadSuccesses()).isEqualTo(2);
            assertThat(CompiledRule.compilations() - before)
                    .as("after no-op reloads")
                    .isEqualTo(RULE_COUNT);
        }
    }

    private static String targets() {
        StringBuilder yaml = new StringBuilder("targets:\n");
        for (int i = 0; i < TARGETS; i++) {
            yaml.append("  - {name: t").append(i).append(", url: 'http://127.0.0.1:1/jolokia'}\n");
        }
        return yaml.toString();
    }

    private static void write(Path file, String yaml, int secondsLater) throws IOException {
        Files.writeString(file, yaml);
        Files.setLastModifiedTime(
                file, FileTime.from(Instant.parse("2026-01-01T00:00:00Z").plusSeconds(secondsLater)));
    }
}
