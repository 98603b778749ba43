package dev.perfplatform.jmx.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CommandLineTests {

    @Test
    void servesOnLoopbackPort9090ByDefault() {
        CommandLine line = CommandLine.parse(List.of("--config", "scraper.yaml"), Map.of());

        assertThat(line.action()).isEqualTo(CommandLine.Action.SERVE);
        assertThat(line.config()).isEqualTo(Path.of("scraper.yaml"));
        assertThat(line.settings()).isEqualTo(ServerSettings.of("127.0.0.1", 9090));
    }

    @Test
    void takesEveryFlagInBothSpellings() {
        CommandLine line = CommandLine.parse(
                List.of("--config=c.yaml", "--port", "8000", "--host=0.0.0.0", "--basic-auth-user", "prom"),
                Map.of("JMX_SCRAPER_BASIC_AUTH_PASSWORD", "s3cret"));

        assertThat(line.settings()).isEqualTo(new ServerSettings("0.0.0.0", 8000, "prom", "s3cret", null, null));
    }

    @Test
    void fallsBackToTheEnvironmentAndLetsFlagsWin() {
        Map<String, String> env = Map.of(
                "JMX_SCRAPER_CONFIG", "env.yaml",
                "JMX_SCRAPER_PORT", "7000",
                "JMX_SCRAPER_HOST", "::1",
                "JMX_SCRAPER_TLS_KEYSTORE", "ks.p12",
                "JMX_SCRAPER_TLS_KEYSTORE_PASSWORD", "pw");

        CommandLine line = CommandLine.parse(List.of("--port", "7001"), env);

        assertThat(line.config()).isEqualTo(Path.of("env.yaml"));
        assertThat(line.settings()).isEqualTo(new ServerSettings("::1", 7001, null, null, Path.of("ks.p12"), "pw"));
    }

    @Test
    void helpAndVersionNeedNoConfiguration() {
        assertThat(CommandLine.parse(List.of("--help"), Map.of()).action()).isEqualTo(CommandLine.Action.HELP);
        assertThat(CommandLine.parse(List.of("--version"), Map.of()).action()).isEqualTo(CommandLine.Action.VERSION);
    }

    @Test
    void rejectsInvalidCommandLinesWithAMessageNamingTheProblem() {
        assertThatThrownBy(() -> CommandLine.parse(List.of(), Map.of())).hasMessageContaining("--config");
        assertThatThrownBy(() -> CommandLine.parse(List.of("--config", "c", "--bogus"), Map.of()))
                .hasMessage("unknown argument: --bogus");
        assertThatThrownBy(() -> CommandLine.parse(List.of("--config"), Map.of()))
                .hasMessage("--config needs a value");
        assertThatThrownBy(() -> CommandLine.parse(List.of("--config", "c", "--port", "70000"), Map.of()))
                .hasMessage("--port must be a number from 0 to 65535: 70000");
        assertThatThrownBy(() -> CommandLine.parse(List.of("--config", "c", "--basic-auth-user", "u"), Map.of()))
                .hasMessageContaining("JMX_SCRAPER_BASIC_AUTH_PASSWORD");
        assertThatThrownBy(() -> CommandLine.parse(List.of("--config", "c", "--tls-keystore", "k"), Map.of()))
                .hasMessageContaining("JMX_SCRAPER_TLS_KEYSTORE_PASSWORD");
    }

    @Test
    void settingsNeverPrintPasswords() {
        ServerSettings settings = new ServerSettings("127.0.0.1", 1, "u", "hunter2", Path.of("k.p12"), "tlspass");

        assertThat(settings.toString()).doesNotContain("hunter2").doesNotContain("tlspass");
    }

    @Test
    void readsPrometheusScrapeTimeoutHeader() {
        assertThat(MetricsEndpoint.scrapeTimeout("10")).hasSeconds(10);
        assertThat(MetricsEndpoint.scrapeTimeout("0.5")).hasMillis(500);
        assertThat(MetricsEndpoint.scrapeTimeout(null)).isNull();
        assertThat(MetricsEndpoint.scrapeTimeout("abc")).isNull();
        assertThat(MetricsEndpoint.scrapeTimeout("-1")).isNull();
        assertThat(MetricsEndpoint.scrapeTimeout("NaN")).isNull();
    }
}
