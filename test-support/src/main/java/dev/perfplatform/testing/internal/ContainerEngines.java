package dev.perfplatform.testing.internal;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The last resort of {@link EngineResolver}: one container per engine kind per JVM, started on demand through
 * Testcontainers (whose reaper removes it when the JVM exits). Not exercised on machines without a Docker engine.
 */
final class ContainerEngines {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);
    private static final Map<String, GenericContainer<?>> RUNNING = new ConcurrentHashMap<>();

    private ContainerEngines() {}

    static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    static ServiceUrl start(EngineKind kind) {
        GenericContainer<?> container = RUNNING.computeIfAbsent(kind.displayName(), name -> {
            GenericContainer<?> started = new GenericContainer<>(DockerImageName.parse(kind.dockerImage()))
                    .withExposedPorts(kind.defaultPort())
                    .withEnv(kind.containerEnvironment());
            started.start();
            return started;
        });
        ServiceUrl url = kind.containerUrl(container.getHost(), container.getMappedPort(kind.defaultPort()));
        awaitReady(kind, url);
        return url;
    }

    private static void awaitReady(EngineKind kind, ServiceUrl url) {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (true) {
            try {
                kind.verify(url);
                return;
            } catch (Exception e) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(
                            kind.dockerImage() + " did not become ready within " + READY_TIMEOUT, e);
                }
                Sleeper.sleep(Duration.ofMillis(250));
            }
        }
    }
}
