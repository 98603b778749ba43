package dev.perfplatform.jmx.server;

/**
 * Turns SIGTERM and SIGINT into a graceful stop, so the process exits 0 after them rather than the JVM's 143/130;
 * where the JVM does not allow handling them, a shutdown hook still stops the server gracefully.
 */
@SuppressWarnings("removal") // sun.misc.Signal has no replacement in Java 17
final class StopSignals {

    private StopSignals() {}

    static void install(Runnable stop) {
        try {
            sun.misc.Signal.handle(new sun.misc.Signal("TERM"), signal -> stop.run());
            sun.misc.Signal.handle(new sun.misc.Signal("INT"), signal -> stop.run());
        } catch (IllegalArgumentException | UnsupportedOperationException | LinkageError e) {
            Runtime.getRuntime().addShutdownHook(new Thread(stop, "jmx-scraper-stop"));
        }
    }
}
