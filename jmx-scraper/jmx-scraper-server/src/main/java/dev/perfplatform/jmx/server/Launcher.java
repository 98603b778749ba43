package dev.perfplatform.jmx.server;

import dev.perfplatform.jmx.JmxScraper;
import dev.perfplatform.jmx.config.ScraperConfig;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/** Runs the server from a command line until a stop signal, and turns every outcome into an exit status. */
final class Launcher {

    static final int OK = 0;
    static final int START_FAILED = 1;
    static final int USAGE = 2;

    /**
     * What the launcher takes from outside.
     *
     * @param configs the reloading configuration of a file; its first read throws on an invalid file
     * @param scraper the rest of the scraper's wiring (readers, rules)
     */
    record Wiring(Function<Path, Supplier<ScraperConfig>> configs, UnaryOperator<JmxScraper.Builder> scraper) {}

    private Launcher() {}

    static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err, Wiring wiring) {
        CommandLine commandLine;
        try {
            commandLine = CommandLine.parse(List.of(args), env);
        } catch (IllegalArgumentException e) {
            err.println("jmx-scraper: " + e.getMessage());
            err.println("Run with --help for usage.");
            return USAGE;
        }
        if (commandLine.action() == CommandLine.Action.HELP) {
            out.print(CommandLine.USAGE);
            return OK;
        }
        if (commandLine.action() == CommandLine.Action.VERSION) {
            out.println("jmx-scraper " + version());
            return OK;
        }
        Path file = Objects.requireNonNull(commandLine.config());
        ServerSettings settings = Objects.requireNonNull(commandLine.settings());
        Supplier<ScraperConfig> config;
        try {
            config = wiring.configs().apply(file);
            ScraperConfig first = config.get(); // an invalid file fails now, with its message
            Objects.requireNonNull(first, "configuration");
        } catch (RuntimeException e) {
            err.println("jmx-scraper: configuration " + file + ": " + e.getMessage());
            return USAGE;
        }
        try (JmxScraper scraper =
                wiring.scraper().apply(JmxScraper.builder().config(config)).build()) {
            JmxScraperServer server;
            try {
                server = JmxScraperServer.start(scraper, settings);
            } catch (IOException | RuntimeException e) {
                err.println("jmx-scraper: cannot start on " + settings.host() + ":" + settings.port() + ": " + e);
                return START_FAILED;
            }
            try (server) {
                out.println("jmx-scraper listening on " + (settings.tlsKeystore() == null ? "http" : "https") + "://"
                        + settings.host() + ":" + server.port() + "/");
                out.flush();
                awaitStopSignal();
            }
        }
        out.println("jmx-scraper stopped");
        return OK;
    }

    private static void awaitStopSignal() {
        CountDownLatch stop = new CountDownLatch(1);
        StopSignals.install(stop::countDown);
        try {
            stop.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String version() {
        String version = JmxScraper.class.getPackage().getImplementationVersion();
        return version == null ? "unknown" : version;
    }
}
