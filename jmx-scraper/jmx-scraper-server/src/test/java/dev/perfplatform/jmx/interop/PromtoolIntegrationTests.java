package dev.perfplatform.jmx.interop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.perfplatform.testing.ExternalPrograms;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code promtool check metrics} on our text pages: it never reports a parse error (exit 1), and its lint findings
 * (exit 3) are only those a user's rules produce, each listed in {@code promtool-allowlist.txt}; our self-metrics
 * raise none. Needs {@code promtool} on the PATH (Debian's {@code prometheus} package; README's Requirements).
 */
class PromtoolIntegrationTests {

    private static ScrapedStack stack;

    @BeforeAll
    static void start() throws IOException {
        stack = ScrapedStack.start();
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/metrics", "/probe?target=a", "/probe?target=down"})
    void promtoolFindsOnlyAllowlistedLintOnOurPages(String path) throws Exception {
        String page = stack.get(path, "text/plain; version=0.0.4");

        Promtool.Result result = Promtool.checkMetrics(page);

        assertThat(result.exitCode())
                .as("promtool exit code (1 = parse error)\n" + result.output())
                .isIn(0, 3);
        Set<String> allowed = allowlist();
        List<String> unexpected = new ArrayList<>(result.findings());
        unexpected.removeIf(allowed::contains);
        assertThat(unexpected).as("lint findings not in promtool-allowlist.txt").isEmpty();
        assertThat(result.findings())
                .as("our self-metrics raise no finding")
                .noneMatch(finding -> finding.startsWith("jmx_scraper_"));
    }

    private static Set<String> allowlist() throws IOException {
        Set<String> allowed = new TreeSet<>();
        for (String line : ScrapedStack.resource("/promtool-allowlist.txt").split("\n", -1)) {
            if (!line.isBlank() && !line.startsWith("#")) {
                allowed.add(line.strip());
            }
        }
        return allowed;
    }

    /** Runs promtool. */
    static final class Promtool {

        record Result(int exitCode, String output) {
            /** One finding per line, {@code <metric> <problem>}, without promtool's decoration. */
            List<String> findings() {
                List<String> findings = new ArrayList<>();
                Arrays.stream(output.split("\n", -1))
                        .map(String::strip)
                        .filter(line -> !line.isEmpty())
                        .forEach(findings::add);
                return findings;
            }
        }

        static Result checkMetrics(String page) throws IOException, InterruptedException {
            Process process = new ProcessBuilder(
                            ExternalPrograms.require("promtool", "prometheus").toString(), "check", "metrics")
                    .redirectErrorStream(true)
                    .start();
            try (OutputStream in = process.getOutputStream()) {
                in.write(page.getBytes(StandardCharsets.UTF_8));
            }
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("promtool did not finish");
            }
            return new Result(process.exitValue(), output);
        }
    }
}
