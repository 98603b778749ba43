package dev.perfplatform.testing.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Resolution order and failure messages, against real sockets: one that listens and one that is closed. */
class EngineResolverTests {

    private static final java.util.function.Function<EngineKind, ServiceUrl> NO_CONTAINER = kind -> {
        throw new AssertionError("no container expected for " + kind.displayName());
    };

    private final List<ServerSocket> listeners = new ArrayList<>();

    @AfterEach
    void closeListeners() throws IOException {
        for (ServerSocket listener : listeners) {
            listener.close();
        }
    }

    @Test
    void failsNamingTheThreeWaysWhenNothingIsAvailable() {
        FakeKind kind = new FakeKind(closedPort());
        EngineResolver resolver = new EngineResolver(key -> null, key -> null, () -> false, NO_CONTAINER);

        assertThatThrownBy(() -> resolver.resolve(kind))
                .isInstanceOf(EngineUnavailableException.class)
                .hasMessageContaining("TEST_FAKE_URL is not set, nothing answers on 127.0.0.1:" + kind.port)
                .hasMessageContaining("no Docker engine is available")
                .hasMessageContaining("1. set TEST_FAKE_URL")
                .hasMessageContaining("2. start a server on its standard local port")
                .hasMessageContaining("3. start a Docker engine: Testcontainers then runs fake:1");
    }

    @Test
    void failsWhenTheExplicitUrlDoesNotAnswerInsteadOfFallingBack() throws IOException {
        FakeKind kind = new FakeKind(listeningPort());
        int closed = closedPort();
        EngineResolver resolver = new EngineResolver(
                key -> null, env("TEST_FAKE_URL", "fake://127.0.0.1:" + closed), () -> true, NO_CONTAINER);

        assertThatThrownBy(() -> resolver.resolve(kind))
                .isInstanceOf(EngineUnavailableException.class)
                .hasMessageStartingWith("TEST_FAKE_URL (or test.fake.url) = fake://127.0.0.1:" + closed
                        + " does not answer: Connection refused")
                .hasMessageContaining("1. set TEST_FAKE_URL");
    }

    @Test
    void prefersTheConfigurationParameterToTheEnvironment() throws IOException {
        FakeKind kind = new FakeKind(closedPort());
        int configured = listeningPort();
        EngineResolver resolver = new EngineResolver(
                env("test.fake.url", "fake://127.0.0.1:" + configured),
                env("TEST_FAKE_URL", "fake://127.0.0.1:1"),
                () -> false,
                NO_CONTAINER);

        assertThat(resolver.resolve(kind).port()).isEqualTo(configured);
    }

    @Test
    void usesTheStandardLocalPortWhenSomethingAnswersThere() throws IOException {
        FakeKind kind = new FakeKind(listeningPort());
        EngineResolver resolver = new EngineResolver(key -> null, key -> null, () -> true, NO_CONTAINER);

        assertThat(resolver.resolve(kind)).isEqualTo(kind.localDefault());
    }

    @Test
    void explainsWhenTheLocalServerRefusesTheLogin() throws IOException {
        FakeKind kind = new FakeKind(listeningPort());
        kind.loginError = "password authentication failed for user \"postgres\"";
        EngineResolver resolver = new EngineResolver(key -> null, key -> null, () -> false, NO_CONTAINER);

        assertThatThrownBy(() -> resolver.resolve(kind))
                .hasMessageContaining("A server answers on 127.0.0.1:" + kind.port)
                .hasMessageContaining("password authentication failed")
                .hasMessageContaining("Set TEST_FAKE_URL with credentials that work");
    }

    @Test
    void startsAContainerOnlyWhenNothingElseIsThere() {
        FakeKind kind = new FakeKind(closedPort());
        ServiceUrl container = new ServiceUrl("fake", "127.0.0.1", 40000, null, null, "");
        EngineResolver resolver = new EngineResolver(key -> null, key -> null, () -> true, started -> container);

        assertThat(resolver.resolve(kind)).isEqualTo(container);
    }

    @Test
    void rejectsAnExplicitValueThatIsNotAUrl() {
        FakeKind kind = new FakeKind(closedPort());
        EngineResolver resolver =
                new EngineResolver(key -> null, env("TEST_FAKE_URL", "localhost"), () -> false, NO_CONTAINER);

        assertThatThrownBy(() -> resolver.resolve(kind)).hasMessageContaining("is not a valid URL");
    }

    private int listeningPort() throws IOException {
        ServerSocket listener = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
        listeners.add(listener);
        return listener.getLocalPort();
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static java.util.function.Function<String, @Nullable String> env(String name, String value) {
        return key -> key.equals(name) ? value : null;
    }

    /** A kind whose "server" is any socket that accepts; verification is a plain connect. */
    private static final class FakeKind implements EngineKind {
        final int port;
        final String name = "Fake-" + UUID.randomUUID(); // results are cached per JVM by name

        @Nullable
        String loginError;

        FakeKind(int port) {
            this.port = port;
        }

        @Override
        public String displayName() {
            return name;
        }

        @Override
        public String environmentVariable() {
            return "TEST_FAKE_URL";
        }

        @Override
        public String configurationParameter() {
            return "test.fake.url";
        }

        @Override
        public ServiceUrl localDefault() {
            return new ServiceUrl("fake", "127.0.0.1", port, null, null, "");
        }

        @Override
        public int defaultPort() {
            return port;
        }

        @Override
        public String dockerImage() {
            return "fake:1";
        }

        @Override
        public Map<String, String> containerEnvironment() {
            return Map.of();
        }

        @Override
        public ServiceUrl containerUrl(String host, int mappedPort) {
            return localDefault().withAddress(host, mappedPort);
        }

        @Override
        public void verify(ServiceUrl url) throws IOException {
            try (java.net.Socket socket = new java.net.Socket(url.host(), url.port())) {
                if (loginError != null) {
                    throw new IOException(loginError);
                }
            }
        }
    }
}
