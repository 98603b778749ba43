package dev.perfplatform.jmx.server;

import dev.perfplatform.jmx.config.ScraperConfig;
import java.nio.file.Path;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/** The executable's wiring of the configuration file and the scraper. */
final class ServerWiring {

    private ServerWiring() {}

    static Launcher.Wiring launch() {
        return new Launcher.Wiring(ServerWiring::reloading, UnaryOperator.identity());
    }

    // ---- LEAD: wire the reloading configuration here (the only place) ------------------------------------------
    // return ReloadingConfig.of(file)::current;   (config.ReloadingConfig, reloaded without restart)
    private static Supplier<ScraperConfig> reloading(Path file) {
        throw new UnsupportedOperationException("configuration loading is not wired yet (" + file + ")");
    }
    // ------------------------------------------------------------------------------------------------------------
}
