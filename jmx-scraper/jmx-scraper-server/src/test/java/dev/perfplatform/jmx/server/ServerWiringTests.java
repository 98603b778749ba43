package dev.perfplatform.jmx.server;

import static dev.perfplatform.jmx.FakeSource.attribute;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.perfplatform.jmx.ExpositionFormat;
import dev.perfplatform.jmx.FakeSource;
import dev.perfplatform.jmx.JmxScraper;
import dev.perfplatform.jmx.config.ConfigException;
import dev.perfplatform.jmx.config.ScraperConfig;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The executable's own wiring of a configuration file and jmx_exporter's rules, without a child process. */
class ServerWiringTests {

    private static final String TARGET = "targets: [{name: a, url: 'http://127.0.0.1:1/jolokia'}]\n";
    private static final String GOOD_RULES = "rules:\n  - pattern: 'test<type=(\\w+)><>used'\n    name: $1_used\n";
    private static final String BAD_RULES = "rules:\n  - pattern: 'test<type=(\\w+)><>used'\n    name: $2_used\n";

    @TempDir
    Path directory;

    @Test
    void aReloadWhoseRulesCannotCompileIsCountedOnceAndTheRulesBeforeItKeepServing() throws IOException {
        Path file = write(TARGET + GOOD_RULES, 0);
        Launcher.Wiring wiring = ServerWiring.launch();
        Supplier<ScraperConfig> config = wiring.configs().apply(file);
        try (JmxScraper scraper = wiring.scraper()
                .apply(JmxScraper.builder().config(config))
                .sources((target, rules) -> FakeSource.serving(attribute("Memory", "used", 3)))
                .build()) {
            scraper.scrape(null);
            write(TARGET + BAD_RULES, 1);
            scraper.scrape(null);

            List<String> page = text(scraper).lines().toList();

            assertThat(page)
                    .contains(
                            "Memory_used{target=\"a\"} 3.0",
                            "jmx_scraper_config_reloads_total{result=\"failure\"} 1.0",
                            "jmx_scraper_config_reloads_total{result=\"success\"} 0.0");
        }
    }

    @Test
    void aFirstFileWhoseRulesCannotCompileFailsNamingFileLineAndRule() throws IOException {
        Path file = write(TARGET + BAD_RULES, 0);
        assertThatExceptionOfType(ConfigException.class)
                .isThrownBy(() -> ServerWiring.launch().configs().apply(file))
                .withMessage(file + ":3: rules[0]: the pattern has no group 2");
    }

    private Path write(String yaml, int secondsLater) throws IOException {
        Path file = directory.resolve("jmx-scraper.yml");
        Files.writeString(file, yaml);
        Files.setLastModifiedTime(
                file, FileTime.from(Instant.parse("2026-01-01T00:00:00Z").plusSeconds(secondsLater)));
        return file;
    }

    private static String text(JmxScraper scraper) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ExpositionFormat.PROMETHEUS_TEXT.write(out, scraper.scrape(null));
        return out.toString(StandardCharsets.UTF_8);
    }
}
