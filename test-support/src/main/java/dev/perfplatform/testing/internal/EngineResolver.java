package dev.perfplatform.testing.internal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Finds a real server for an {@link EngineKind}, in this order: the explicit URL ({@code test.*.url} configuration
 * parameter or system property, then the {@code TEST_*_URL} environment variable); the standard local port when
 * something answers there; a container when a Docker engine is present. Anything else fails with a message naming
 * the three ways to provide a server. Results (failures too) are remembered for the life of the JVM.
 */
public final class EngineResolver {

    private static final int LOCAL_PROBE_TIMEOUT_MILLIS = 500;
    private static final Map<String, Outcome> OUTCOMES = new ConcurrentHashMap<>();

    private final Function<String, @Nullable String> configuration;
    private final Function<String, @Nullable String> environment;
    private final BooleanSupplier dockerAvailable;
    private final Function<EngineKind, ServiceUrl> containerStarter;

    /**
     * @param configuration JUnit configuration parameters (which fall back to system properties)
     * @param environment process environment
     * @param dockerAvailable whether a Docker engine answers
     * @param containerStarter starts a container for a kind and returns its verified URL
     */
    public EngineResolver(
            Function<String, @Nullable String> configuration,
            Function<String, @Nullable String> environment,
            BooleanSupplier dockerAvailable,
            Function<EngineKind, ServiceUrl> containerStarter) {
        this.configuration = configuration;
        this.environment = environment;
        this.dockerAvailable = dockerAvailable;
        this.containerStarter = containerStarter;
    }

    /** A resolver reading the real environment and using Testcontainers for the Docker fallback. */
    public static EngineResolver standard(Function<String, @Nullable String> configuration) {
        return new EngineResolver(
                configuration, System::getenv, ContainerEngines::dockerAvailable, ContainerEngines::start);
    }

    /** The URL of a verified server of {@code kind}, or an {@link EngineUnavailableException}. */
    public ServiceUrl resolve(EngineKind kind) {
        String explicit = explicitUrl(kind);
        Outcome outcome = OUTCOMES.computeIfAbsent(
                kind.displayName() + "|" + explicit,
                key -> attempt(() -> {
                    if (explicit != null) {
                        return fromExplicitUrl(kind, explicit);
                    }
                    return fromLocalPortOrDocker(kind);
                }));
        return outcome.get();
    }

    private @Nullable String explicitUrl(EngineKind kind) {
        String fromConfiguration = configuration.apply(kind.configurationParameter());
        if (fromConfiguration != null && !fromConfiguration.isBlank()) {
            return fromConfiguration;
        }
        String fromEnvironment = environment.apply(kind.environmentVariable());
        return fromEnvironment == null || fromEnvironment.isBlank() ? null : fromEnvironment;
    }

    private ServiceUrl fromExplicitUrl(EngineKind kind, String explicit) {
        String source = kind.environmentVariable() + " (or " + kind.configurationParameter() + ")";
        ServiceUrl url;
        try {
            url = ServiceUrl.parse(explicit, kind.defaultPort());
        } catch (IllegalArgumentException e) {
            throw unavailable(kind, source + " is not a valid URL: " + e.getMessage() + ".");
        }
        try {
            kind.verify(url);
            return url;
        } catch (Exception e) {
            throw unavailable(kind, source + " = " + url + " does not answer: " + describe(e) + ".");
        }
    }

    private ServiceUrl fromLocalPortOrDocker(EngineKind kind) {
        ServiceUrl local = kind.localDefault();
        if (answers(local)) {
            try {
                kind.verify(local);
                return local;
            } catch (Exception e) {
                throw unavailable(
                        kind,
                        "A server answers on " + local.host() + ":" + local.port() + " but cannot be used as " + local
                                + ": " + describe(e) + ". Set " + kind.environmentVariable()
                                + " with credentials that work.");
            }
        }
        if (dockerAvailable.getAsBoolean()) {
            try {
                return containerStarter.apply(kind);
            } catch (RuntimeException e) {
                throw unavailable(
                        kind, "Starting " + kind.dockerImage() + " with Testcontainers failed: " + describe(e));
            }
        }
        throw unavailable(
                kind,
                kind.environmentVariable() + " is not set, nothing answers on " + local.host() + ":" + local.port()
                        + " and no Docker engine is available.");
    }

    private static boolean answers(ServiceUrl url) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(url.host(), url.port()), LOCAL_PROBE_TIMEOUT_MILLIS);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static EngineUnavailableException unavailable(EngineKind kind, String reason) {
        return new EngineUnavailableException(reason + "\n" + howToProvide(kind));
    }

    /** The three ways to give tests a server of {@code kind}: part of every failure message. */
    public static String howToProvide(EngineKind kind) {
        ServiceUrl local = kind.localDefault();
        return "A test needs a real " + kind.displayName() + " server; it never runs against a mock and is never"
                + " skipped. Provide one in any of these ways:\n"
                + "  1. set " + kind.environmentVariable() + " (e.g. " + kind.exampleUrl()
                + "), or the system property "
                + kind.configurationParameter() + ";\n"
                + "  2. start a server on its standard local port (" + local + ");\n"
                + "  3. start a Docker engine: Testcontainers then runs " + kind.dockerImage() + ".";
    }

    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.strip();
    }

    private static Outcome attempt(Supplier<ServiceUrl> resolution) {
        try {
            ServiceUrl url = resolution.get();
            return () -> url;
        } catch (EngineUnavailableException e) {
            String message = e.getMessage();
            return () -> {
                throw new EngineUnavailableException(message == null ? "unavailable" : message);
            };
        }
    }

    @FunctionalInterface
    private interface Outcome {
        ServiceUrl get();
    }
}
