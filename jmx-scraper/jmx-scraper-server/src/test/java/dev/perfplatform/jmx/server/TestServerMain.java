package dev.perfplatform.jmx.server;

import static dev.perfplatform.jmx.FakeSource.attribute;

import dev.perfplatform.jmx.FakeMapper;
import dev.perfplatform.jmx.FakeSource;
import dev.perfplatform.jmx.config.RulesConfig;
import dev.perfplatform.jmx.config.ScraperConfig;
import dev.perfplatform.jmx.config.TargetConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The server's launcher as a child process, with in-test wiring: the configuration file lists one target name a
 * line (re-read on every scrape), each target serves {@code used 1}.
 */
public final class TestServerMain {

    private TestServerMain() {}

    public static void main(String[] args) {
        Launcher.Wiring wiring = new Launcher.Wiring(
                TestServerMain::config,
                builder -> builder.sources((target, rules) -> FakeSource.serving(attribute("Memory", "used", 1)))
                        .mappers(rules -> new FakeMapper()));
        System.exit(Launcher.run(args, System.getenv(), System.out, System.err, wiring));
    }

    private static Supplier<ScraperConfig> config(Path file) {
        return () -> {
            List<String> lines;
            try {
                lines = Files.readAllLines(file);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
            List<TargetConfig> targets = new ArrayList<>();
            for (int i = 0; i < lines.size(); i++) {
                String name = lines.get(i).trim();
                if (!name.matches("[a-z]+")) {
                    throw new IllegalArgumentException("line " + (i + 1) + ": invalid target name '" + name + "'");
                }
                targets.add(TargetConfig.of(name, URI.create("http://127.0.0.1:1/jolokia")));
            }
            return new ScraperConfig(targets, RulesConfig.defaults());
        };
    }
}
