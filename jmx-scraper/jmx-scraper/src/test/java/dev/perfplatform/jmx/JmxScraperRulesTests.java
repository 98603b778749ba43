package dev.perfplatform.jmx;

import static dev.perfplatform.jmx.FakeSource.attribute;
import static dev.perfplatform.jmx.JmxScraperTests.lines;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.perfplatform.jmx.config.ConfigException;
import dev.perfplatform.jmx.config.ConfigLoader;
import dev.perfplatform.jmx.config.ReloadingConfig;
import dev.perfplatform.jmx.config.RuleConfig;
import dev.perfplatform.jmx.config.RulesConfig;
import dev.perfplatform.jmx.config.ScraperConfig;
import dev.perfplatform.jmx.model.MetricFamily;
import dev.perfplatform.jmx.model.MetricType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rules engine the scraper builds with: what only compiling a rule finds, reported where the rule was written. */
class JmxScraperRulesTests {

    private static final String TARGET = "targets: [{name: a, url: 'http://127.0.0.1:1/jolokia'}]\n";
    private static final String GOOD_RULES = "rules:\n  - pattern: 'test<type=(\\w+)><>used'\n    name: $1_used\n";
    private static final String BAD_RULES = "rules:\n  - pattern: 'test<type=(\\w+)><>used'\n    name: $2_used\n";

    @TempDir
    Path directory;

    private static String buildError(String yaml) {
        ScraperConfig config = ConfigLoader.parse("cfg.yml", yaml, name -> null).value();
        return assertThatExceptionOfType(ConfigException.class)
                .isThrownBy(() -> JmxScraper.create(config))
                .actual()
                .getMessage();
    }

    @Test
    void aRuleThatCannotCompileFailsTheBuildAtItsFileLineAndIndex() {
        assertThat(buildError("rules:\n  - name: x\n")).isEqualTo("cfg.yml:2: rules[0]: name needs a pattern");
        assertThat(buildError("rules:\n  - pattern: x\n    help: h\n"))
                .isEqualTo("cfg.yml:2: rules[0]: help and labels need a name");
        assertThat(buildError("rules:\n  - pattern: x(y)\n    name: a_$2\n"))
                .isEqualTo("cfg.yml:2: rules[0]: the pattern has no group 2");
        assertThat(buildError("rules:\n  - pattern: x\n\n  - pattern: x(y)\n    name: a_${kind}\n"))
                .isEqualTo("cfg.yml:4: rules[1]: the pattern has no group named kind");
    }

    @Test
    void aRuleBuiltInCodeThatCannotCompileFailsTheBuildNamingItsIndex() {
        RuleConfig rule = new RuleConfig("x(y)", "a_$2", null, 1.0, Map.of(), null, MetricType.UNKNOWN, false, false);
        RulesConfig rules = new RulesConfig(false, false, List.of(), List.of(), Map.of(), Map.of(), List.of(rule));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> JmxScraper.create(new ScraperConfig(List.of(), rules)))
                .withMessage("rules[0]: the pattern has no group 2");
    }

    @Test
    void aReloadWithARuleThatCannotCompileIsRejectedAndTheRulesBeforeItKeepServing() throws IOException {
        Path file = directory.resolve("jmx-scraper.yml");
        write(file, TARGET + GOOD_RULES, 0);
        Function<RulesConfig, MetricMapper> rules = JmxScraper.ruleEngine();
        ReloadingConfig config = ReloadingConfig.of(file, rules);
        try (JmxScraper scraper = JmxScraper.builder()
                .config(config::current)
                .sources((target, filters) -> FakeSource.serving(attribute("Memory", "used", 3)))
                .mappers(rules)
                .build()) {
            write(file, TARGET + BAD_RULES, 1);

            assertThat(lines(scraper.scrape(null), "Memory_used{")).containsExactly("Memory_used{target=\"a\"} 3.0");
            assertThat(config.reloadFailures()).isEqualTo(1);
            assertThat(config.lastError()).isEqualTo(file + ":3: rules[0]: the pattern has no group 2");
        }
    }

    @Test
    void aFirstFileWithARuleThatCannotCompileIsRefused() throws IOException {
        Path file = directory.resolve("jmx-scraper.yml");
        write(file, TARGET + BAD_RULES, 0);
        assertThatExceptionOfType(ConfigException.class)
                .isThrownBy(() -> ReloadingConfig.of(file, JmxScraper.ruleEngine()))
                .withMessage(file + ":3: rules[0]: the pattern has no group 2");
    }

    @Test
    void aConfigurationThatCannotBeBuiltIsCountedOnceAndTheOldOneKeepsServing() {
        RuleConfig bad = new RuleConfig("x(y)", "a_$2", null, 1.0, Map.of(), null, MetricType.UNKNOWN, false, false);
        ScraperConfig good = JmxScraperTests.config(JmxScraperTests.target("a", Map.of()));
        ScraperConfig[] next = {good};
        try (JmxScraper scraper = JmxScraper.builder()
                .config(() -> next[0])
                .sources((target, filters) -> FakeSource.serving(attribute("Memory", "used", 3)))
                .build()) {
            scraper.scrape(null);
            next[0] = new ScraperConfig(
                    good.targets(),
                    new RulesConfig(false, false, List.of(), List.of(), Map.of(), Map.of(), List.of(bad)));
            scraper.scrape(null);

            List<MetricFamily> page = scraper.scrape(null);

            assertThat(lines(page, "jmx_scraper_target_up{"))
                    .containsExactly("jmx_scraper_target_up{target=\"a\"} 1.0");
            assertThat(lines(page, "jmx_scraper_config_reloads_total{"))
                    .containsExactly(
                            "jmx_scraper_config_reloads_total{result=\"failure\"} 1.0",
                            "jmx_scraper_config_reloads_total{result=\"success\"} 0.0");
        }
    }

    private static void write(Path file, String yaml, int secondsLater) throws IOException {
        Files.writeString(file, yaml);
        Files.setLastModifiedTime(
                file, FileTime.from(Instant.parse("2026-01-01T00:00:00Z").plusSeconds(secondsLater)));
    }
}
