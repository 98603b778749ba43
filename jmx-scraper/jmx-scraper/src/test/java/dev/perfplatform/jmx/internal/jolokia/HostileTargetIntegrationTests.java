package dev.perfplatform.jmx.internal.jolokia;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.perfplatform.jmx.config.RulesConfig;
import dev.perfplatform.jmx.config.TargetConfig;
import dev.perfplatform.jmx.testing.FakeJolokia;
import java.io.IOException;
import java.io.OutputStream;
import java.net.http.HttpClient;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class HostileTargetIntegrationTests {

    private static final Duration DEADLINE = Duration.ofSeconds(10);
    private static final String JSON = "text/plain;charset=utf-8";
    private static final String READ_OK = "[{\"status\":200,\"value\":{\"a:type=Good\":{\"X\":1,\"Y\":2}}}";
    private static final String LIST_OK = "[{\"status\":200,\"value\":{\"a\":{\"type=Good\":{\"attr\":{"
            + "\"X\":{\"type\":\"int\",\"desc\":\"x\",\"r\":true},\"Y\":{\"type\":\"long\",\"desc\":\"y\",\"r\":true}}}}}}]";

    private static JolokiaAttributeSource source(FakeJolokia fake, JolokiaOptions options) {
        TargetConfig target = new TargetConfig("fake", fake.url(), "scraper", "s3cret-pw", DEADLINE, Map.of());
        return new JolokiaAttributeSource(
                target, RulesConfig.defaults(), options, HttpClient.newBuilder().build());
    }

    private static JolokiaAttributeSource source(FakeJolokia fake) {
        return source(fake, JolokiaOptions.DEFAULTS);
    }

    @Test
    void readsAWellFormedAnswerAndSendsBasicAuth() throws Exception {
        try (FakeJolokia fake = new FakeJolokia((exchange, body) ->
                        FakeJolokia.send(exchange, 200, JSON, body.contains("\"list\"") ? LIST_OK : READ_OK + "]"));
                JolokiaAttributeSource source = source(fake)) {
            assertThat(Rendered.of(source.read(DEADLINE), ""))
                    .containsExactly("a<type=Good><>X: 1 (Integer)", "a<type=Good><>Y: 2 (Long)");
            assertThat(fake.authorizations()).containsOnly("Basic c2NyYXBlcjpzM2NyZXQtcHc=");
        }
    }

    @Test
    void dropsOnlyTheFailingEntriesOfABulkAnswer() throws Exception {
        String read = READ_OK + ",{\"status\":500,\"error_type\":\"java.lang.RuntimeException\",\"error\":\"boom\"}"
                + ",{\"status\":200,\"value\":{\"a:type=Good,name=half\":{\"X\":{\".error\":true,\"error\":\"x\"}}}}]";
        try (FakeJolokia fake = new FakeJolokia((exchange, body) ->
                        FakeJolokia.send(exchange, 200, JSON, body.contains("\"list\"") ? LIST_OK : read));
                JolokiaAttributeSource source = source(fake)) {
            assertThat(Rendered.of(source.read(DEADLINE), ""))
                    .containsExactly("a<type=Good><>X: 1 (Integer)", "a<type=Good><>Y: 2 (Long)");
        }
    }

    @Test
    void failsOnTruncatedJson() throws Exception {
        try (FakeJolokia fake = new FakeJolokia((exchange, body) ->
                        FakeJolokia.send(exchange, 200, JSON, "[{\"status\":200,\"value\":{\"a:type=G"));
                JolokiaAttributeSource source = source(fake)) {
            assertThatThrownBy(() -> source.read(DEADLINE))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("invalid JSON");
        }
    }

    @Test
    void failsOnAnHtmlErrorPage() throws Exception {
        try (FakeJolokia fake = new FakeJolokia((exchange, body) -> FakeJolokia.send(
                        exchange, 500, "text/html", "<html><body>Internal Server Error</body></html>"));
                JolokiaAttributeSource source = source(fake)) {
            assertThatThrownBy(() -> source.read(DEADLINE))
                    .isInstanceOf(IOException.class)
                    .hasMessage("Jolokia at " + fake.url() + " answered HTTP 500");
        }
    }

    @Test
    void failsOnAnHtmlPageServedAsOk() throws Exception {
        try (FakeJolokia fake = new FakeJolokia((exchange, body) ->
                        FakeJolokia.send(exchange, 200, "text/html; charset=utf-8", "<html>login</html>"));
                JolokiaAttributeSource source = source(fake)) {
            assertThatThrownBy(() -> source.read(DEADLINE))
                    .isInstanceOf(IOException.class)
                    .hasMessage("Jolokia at " + fake.url() + " answered text/html; charset=utf-8, not JSON");
        }
    }

    @Test
    void failsOnUnauthorizedWithoutRevealingThePassword() throws Exception {
        try (FakeJolokia fake = new FakeJolokia((exchange, body) -> FakeJolokia.send(exchange, 401, JSON, ""));
                JolokiaAttributeSource source = source(fake)) {
            assertThatThrownBy(() -> source.read(DEADLINE))
                    .isInstanceOf(IOException.class)
                    .hasMessage("Jolokia at " + fake.url() + " answered HTTP 401")
                    .hasMessageNotContaining("s3cret-pw");
        }
    }

    @Test
    void failsWhenTheWholeBulkIsRejected() throws Exception {
        try (FakeJolokia fake = new FakeJolokia((exchange, body) ->
                        FakeJolokia.send(exchange, 200, JSON, "{\"status\":400,\"error\":\"Invalid request\"}"));
                JolokiaAttributeSource source = source(fake)) {
            assertThatThrownBy(() -> source.read(DEADLINE))
                    .isInstanceOf(IOException.class)
                    .hasMessage("Jolokia at " + fake.url() + " did not answer the bulk request: Invalid request");
        }
    }

    @Test
    void stopsReadingAFiftyMegabyteBodyAtTheCap() throws Exception {
        long fifty = 50L * 1024 * 1024;
        AtomicLong written = new AtomicLong();
        CountDownLatch serverDone = new CountDownLatch(1);
        try (FakeJolokia fake = new FakeJolokia((exchange, body) -> {
                    try {
                        exchange.getResponseHeaders().set("Content-Type", JSON);
                        exchange.sendResponseHeaders(200, fifty);
                        byte[] chunk = new byte[64 * 1024];
                        Arrays.fill(chunk, (byte) ' ');
                        chunk[0] = '[';
                        OutputStream out = exchange.getResponseBody();
                        for (long sent = 0; sent < fifty; sent += chunk.length) {
                            out.write(chunk);
                            written.addAndGet(chunk.length);
                            chunk[0] = ' ';
                        }
                    } finally {
                        serverDone.countDown();
                    }
                });
                JolokiaAttributeSource source =
                        source(fake, JolokiaOptions.DEFAULTS.withMaxResponseBytes(1024 * 1024))) {
            assertThatThrownBy(() -> source.read(DEADLINE))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("exceeds the cap of 1048576 bytes");
            assertThat(serverDone.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(written.get()).isLessThan(fifty);
        }
    }

    @Test
    void failsWithinTheDeadlineWhenTheBodyStalls() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        try (FakeJolokia fake = new FakeJolokia((exchange, body) -> {
                    exchange.getResponseHeaders().set("Content-Type", JSON);
                    exchange.sendResponseHeaders(200, 0);
                    exchange.getResponseBody().write("[{\"status\":200,".getBytes(StandardCharsets.UTF_8));
                    exchange.getResponseBody().flush();
                    try {
                        release.await(30, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
                JolokiaAttributeSource source = source(fake)) {
            assertThatThrownBy(() -> source.read(Duration.ofMillis(300)))
                    .isInstanceOf(HttpTimeoutException.class)
                    .hasMessage("Jolokia at " + fake.url() + " did not send its answer within the deadline");
        } finally {
            release.countDown();
        }
    }

    @Test
    void listsOnlyOnceWhileTheMBeanSetStaysTheSame() throws Exception {
        AtomicLong lists = new AtomicLong();
        try (FakeJolokia fake = new FakeJolokia((exchange, body) -> {
                    if (body.contains("\"list\"")) {
                        lists.incrementAndGet();
                        FakeJolokia.send(exchange, 200, JSON, LIST_OK);
                    } else {
                        FakeJolokia.send(exchange, 200, JSON, READ_OK + "]");
                    }
                });
                JolokiaAttributeSource source = source(fake)) {
            for (int i = 0; i < 3; i++) {
                source.read(DEADLINE);
            }
            assertThat(lists.get()).isEqualTo(1);
            assertThat(List.of(source.readRequests(), source.listRequests())).containsExactly(3L, 1L);
        }
    }
}
