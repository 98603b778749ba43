package dev.perfplatform.jmx.server;

import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.perfplatform.jmx.JmxScraper;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * The standalone server (JDK HTTP server, no Spring): {@code /metrics}, {@code /probe?target=NAME}, {@code /health},
 * {@code /debug?target=NAME} and an index at {@code /}; GET and HEAD only.
 *
 * <pre>{@code
 * try (JmxScraper scraper = JmxScraper.create(config);
 *         JmxScraperServer server = JmxScraperServer.start(scraper, ServerSettings.of("127.0.0.1", 9090))) {
 *     ...
 * }
 * }</pre>
 *
 * <p>{@link #main} is the executable jar's entry point; run it with {@code --help} for its flags.
 */
public final class JmxScraperServer implements AutoCloseable {

    /** Requests served at once; more wait in a queue of {@link #QUEUE} and beyond that are refused. */
    public static final int THREADS = 4;

    static final int QUEUE = 64;

    private final HttpServer server;
    private final ThreadPoolExecutor executor;

    private JmxScraperServer(HttpServer server, ThreadPoolExecutor executor) {
        this.server = server;
        this.executor = executor;
    }

    /**
     * Binds and starts serving {@code scraper}; closing the server does not close the scraper.
     *
     * @throws IOException when the address cannot be bound (port in use) or the TLS keystore is unusable
     */
    public static JmxScraperServer start(JmxScraper scraper, ServerSettings settings) throws IOException {
        Objects.requireNonNull(scraper, "scraper");
        Objects.requireNonNull(settings, "settings");
        InetSocketAddress address = new InetSocketAddress(settings.host(), settings.port());
        HttpServer server;
        if (settings.tlsKeystore() != null) {
            HttpsServer https = HttpsServer.create(address, 0);
            https.setHttpsConfigurator(new HttpsConfigurator(TlsContexts.fromPkcs12(
                    settings.tlsKeystore(), Objects.requireNonNull(settings.tlsKeystorePassword()))));
            server = https;
        } else {
            server = HttpServer.create(address, 0);
        }
        ConstantTimeBasicAuth auth = settings.basicAuthUser() == null
                ? null
                : new ConstantTimeBasicAuth(
                        settings.basicAuthUser(), Objects.requireNonNull(settings.basicAuthPassword()));
        protect(server.createContext("/", Exchanges.readOnly(new IndexEndpoint(scraper))), auth);
        protect(server.createContext("/metrics", Exchanges.readOnly(new MetricsEndpoint(scraper, false))), auth);
        protect(server.createContext("/probe", Exchanges.readOnly(new MetricsEndpoint(scraper, true))), auth);
        protect(server.createContext("/debug", Exchanges.readOnly(new DebugEndpoint(scraper))), auth);
        server.createContext("/health", Exchanges.readOnly(new HealthEndpoint(scraper))); // open, for liveness checks
        ThreadPoolExecutor executor = new ThreadPoolExecutor(
                THREADS, THREADS, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(QUEUE), handlerThreads());
        executor.allowCoreThreadTimeOut(true);
        server.setExecutor(executor);
        server.start();
        return new JmxScraperServer(server, executor);
    }

    private static void protect(HttpContext context, @Nullable ConstantTimeBasicAuth auth) {
        if (auth != null) {
            context.setAuthenticator(auth);
        }
    }

    /** The port the server listens on (the bound one when started with port 0). */
    public int port() {
        return server.getAddress().getPort();
    }

    /** Stops accepting, lets requests in progress finish for up to a second, and stops the handler threads. */
    @Override
    public void close() {
        server.stop(1);
        executor.shutdownNow();
    }

    /**
     * Runs the server until SIGTERM or SIGINT; exits 0 after a normal stop, 2 on a usage or configuration error
     * (message on stderr), 1 when the server cannot start (for example the port is in use).
     */
    public static void main(String[] args) {
        int status = Launcher.run(args, System.getenv(), System.out, System.err, ServerWiring.launch());
        System.exit(status);
    }

    private static java.util.concurrent.ThreadFactory handlerThreads() {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, "jmx-scraper-http-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
