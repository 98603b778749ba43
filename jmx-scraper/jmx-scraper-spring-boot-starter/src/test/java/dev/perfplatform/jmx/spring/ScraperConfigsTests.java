package dev.perfplatform.jmx.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.perfplatform.jmx.JmxScraper;
import dev.perfplatform.jmx.config.RulesConfig;
import dev.perfplatform.jmx.config.ScraperConfig;
import dev.perfplatform.jmx.config.TargetConfig;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;

class ScraperConfigsTests {

    @Test
    void convertsEveryTargetSettingAndTheDefaults() {
        JmxScraperProperties properties = new JmxScraperProperties();
        JmxScraperProperties.Target full = target("app", "http://127.0.0.1:8778/jolokia");
        full.setUsername("reader");
        full.setPassword("s3cret");
        full.setDeadline(Duration.ofMillis(1500));
        full.setLabels(Map.of("env", "prod"));
        properties.setTargets(List.of(full, target("db", "https://127.0.0.1:8779/jolokia/")));

        ScraperConfig config = ScraperConfigs.from(properties);

        assertThat(config.targets())
                .containsExactly(
                        new TargetConfig(
                                "app",
                                URI.create("http://127.0.0.1:8778/jolokia"),
                                "reader",
                                "s3cret",
                                Duration.ofMillis(1500),
                                Map.of("env", "prod")),
                        TargetConfig.of("db", URI.create("https://127.0.0.1:8779/jolokia/")));
        assertThat(config.rules()).isEqualTo(RulesConfig.defaults());
        assertThat(properties.getThreads()).isEqualTo(JmxScraper.DEFAULT_THREADS);
        assertThat(properties.isEnabled()).isTrue();
        assertThat(properties.getPrometheus().isMerge()).isFalse();
    }

    @Test
    void aPasswordWithoutAUserIsDroppedAndNeverPrinted() {
        JmxScraperProperties.Target target = target("app", "http://127.0.0.1:8778/jolokia");
        target.setUsername("");
        target.setPassword("s3cret");
        JmxScraperProperties properties = new JmxScraperProperties();
        properties.setTargets(List.of(target));

        assertThat(ScraperConfigs.from(properties).targets().get(0).password()).isNull();
        target.setUsername("reader");
        assertThat(target.toString()).doesNotContain("s3cret");
        assertThat(ScraperConfigs.from(properties).toString()).doesNotContain("s3cret");
    }

    @Test
    void mistakesFailNamingTheProperty() {
        assertFails(target(" ", "http://127.0.0.1:8778/jolokia"), "jmx.scraper.targets[0].name must be set");
        assertFails(target("a", null), "jmx.scraper.targets[0].url must be an http(s) URL with a host: null");
        assertFails(target("a", "file:/tmp/x"), "jmx.scraper.targets[0].url must be an http(s) URL with a host");
        JmxScraperProperties.Target zero = target("a", "http://127.0.0.1:1/jolokia");
        zero.setDeadline(Duration.ZERO);
        assertFails(zero, "jmx.scraper.targets[0].deadline must be positive: PT0S");
        JmxScraperProperties.Target badLabel = target("a", "http://127.0.0.1:1/jolokia");
        badLabel.setLabels(Map.of("my-env", "x"));
        assertFails(badLabel, "jmx.scraper.targets[0].labels: 'my-env' is not a Prometheus label name");

        JmxScraperProperties twice = new JmxScraperProperties();
        twice.setTargets(List.of(target("a", "http://127.0.0.1:1/j"), target("a", "http://127.0.0.1:2/j")));
        assertThatThrownBy(() -> ScraperConfigs.from(twice))
                .hasMessage("jmx.scraper.targets[1].name: another target is named a");

        JmxScraperProperties noThreads = new JmxScraperProperties();
        noThreads.setThreads(0);
        assertThatThrownBy(() -> ScraperConfigs.from(noThreads))
                .hasMessage("jmx.scraper.threads must be at least 1: 0");
    }

    @Test
    void readsTheRulesResourceAndFailsNamingItWhenItIsMissing() {
        assertThat(ScraperConfigs.rules(null)).isEqualTo(RulesConfig.defaults());
        assertThat(ScraperConfigs.rules(new ByteArrayResource("rules:\n- pattern: '.*'\n".getBytes())))
                .isNotNull();
        assertThatThrownBy(() -> ScraperConfigs.rules(new ClassPathResource("no-such-rules.yml")))
                .hasMessage("jmx.scraper.rules: cannot read class path resource [no-such-rules.yml]");
    }

    private static void assertFails(JmxScraperProperties.Target target, String message) {
        JmxScraperProperties properties = new JmxScraperProperties();
        properties.setTargets(List.of(target));
        assertThatThrownBy(() -> ScraperConfigs.from(properties)).hasMessageStartingWith(message);
    }

    static JmxScraperProperties.Target target(String name, String url) {
        JmxScraperProperties.Target target = new JmxScraperProperties.Target();
        target.setName(name);
        target.setUrl(url == null ? null : URI.create(url));
        return target;
    }
}
