package dev.perfplatform.payment.client.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.perfplatform.payment.client.ClientListener;
import dev.perfplatform.payment.client.FluxPayApiException;
import dev.perfplatform.payment.client.FluxPayClient;
import dev.perfplatform.payment.client.FluxPayException;
import dev.perfplatform.payment.client.micrometer.FluxPayClientMetrics;
import dev.perfplatform.payment.client.spring.webflux.ReactiveWebhookVerifier;
import dev.perfplatform.payment.client.webhook.WebhookSecret;
import dev.perfplatform.payment.client.webhook.WebhookSigner;
import dev.perfplatform.payment.client.webhook.WebhookVerifier;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class FluxPayClientAutoConfigurationTests {

    private static final String SECRET = WebhookSecret.generate().serialized();
    private static final String OLD_SECRET = WebhookSecret.generate().serialized();

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(
                    FluxPayClientAutoConfiguration.class, FluxPayWebhookWebFluxAutoConfiguration.class));

    private MockWebServer server;

    @BeforeEach
    void startServer() throws IOException {
        server = new MockWebServer();
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void providesNothingWithoutProperties() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).doesNotHaveBean(FluxPayClient.class);
            assertThat(context).doesNotHaveBean(WebhookVerifier.class);
            assertThat(context).doesNotHaveBean(ReactiveWebhookVerifier.class);
        });
    }

    @Test
    void anEmptyBaseUrlAsFromAnUnsetVariableMeansNoClient() {
        runner.withPropertyValues("fluxpay.client.base-url=", "fluxpay.client.webhook.secrets=")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context).doesNotHaveBean(FluxPayClient.class);
                    assertThat(context).doesNotHaveBean(WebhookVerifier.class);
                });
    }

    @Test
    void buildsAClientThatSendsTheKeyAndAppliesTheRetrySettings() throws Exception {
        server.enqueue(new MockResponse.Builder().code(503).body("{}").build());
        server.enqueue(new MockResponse.Builder().code(503).body("{}").build());
        runner.withPropertyValues(
                        "fluxpay.client.base-url=" + server.url("/"),
                        "fluxpay.client.api-key=sk_test_spring",
                        "fluxpay.client.retry.max-retries=1",
                        "fluxpay.client.retry.base-delay=1ms",
                        "fluxpay.client.retry.max-delay=2ms")
                .run(context -> {
                    FluxPayClient client = context.getBean(FluxPayClient.class);
                    assertThatThrownBy(() -> client.orders().get("ord_1"))
                            .isInstanceOfSatisfying(
                                    FluxPayApiException.class,
                                    e -> assertThat(e.status()).isEqualTo(503));
                });

        RecordedRequest sent = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(sent.getHeaders().get("Authorization")).isEqualTo("Bearer sk_test_spring");
        assertThat(sent.getUrl().encodedPath()).isEqualTo("/api/v1/orders/ord_1");
        assertThat(server.getRequestCount()).as("one retry").isEqualTo(2);
    }

    @Test
    void capsTheResponseBodiesItReadsAtTheConfiguredSize() {
        server.enqueue(new MockResponse.Builder()
                .code(200)
                .body("{\"success\":true,\"data\":{\"orderId\":\"ord_1\"}}" + " ".repeat(64))
                .build());
        runner.withPropertyValues(
                        "fluxpay.client.base-url=" + server.url("/"),
                        "fluxpay.client.api-key=sk",
                        "fluxpay.client.max-response-size=64B")
                .run(context -> assertThatThrownBy(() ->
                                context.getBean(FluxPayClient.class).orders().get("ord_1"))
                        .isExactlyInstanceOf(FluxPayException.class)
                        .hasMessageContaining("larger than the client's limit of 64 bytes"));
        runner.withPropertyValues(
                        "fluxpay.client.base-url=http://localhost:8081",
                        "fluxpay.client.api-key=sk",
                        "fluxpay.client.max-response-size=3GB")
                .run(context -> assertThat(context)
                        .getFailure()
                        .rootCause()
                        .hasMessageStartingWith("fluxpay.client: maxResponseSize (3221225472B) must be below 2GB"));
    }

    @Test
    void aBaseUrlWithoutAnApiKeyFailsStartUpNamingTheProperty() {
        runner.withPropertyValues("fluxpay.client.base-url=http://localhost:8081")
                .run(context -> assertThat(context)
                        .getFailure()
                        .rootCause()
                        .hasMessageStartingWith("fluxpay.client.api-key must be set when fluxpay.client.base-url is"));
    }

    @Test
    void aBadSettingFailsStartUpNamingItsPlace() {
        runner.withPropertyValues(
                        "fluxpay.client.base-url=http://localhost:8081",
                        "fluxpay.client.api-key=sk",
                        "fluxpay.client.retry.base-delay=10s")
                .run(context -> assertThat(context)
                        .getFailure()
                        .rootCause()
                        .hasMessageStartingWith("fluxpay.client: baseDelay (PT10S) must not exceed maxDelay"));
        runner.withPropertyValues("fluxpay.client.webhook.secrets=" + SECRET + ",whsec_short")
                .run(context -> assertThat(context)
                        .getFailure()
                        .rootCause()
                        .hasMessageStartingWith("fluxpay.client.webhook.secrets[1]: "));
    }

    @Test
    void buildsAVerifierAcceptingEverySecretOfARotation() {
        runner.withPropertyValues("fluxpay.client.webhook.secrets=" + SECRET + "," + OLD_SECRET)
                .run(context -> {
                    WebhookVerifier verifier = context.getBean(WebhookVerifier.class);
                    byte[] body = "{\"type\":\"payment.confirmed\",\"data\":{}}".getBytes(StandardCharsets.UTF_8);
                    for (String secret : List.of(SECRET, OLD_SECRET)) {
                        var headers = WebhookSigner.of(secret).sign("msg_1", Instant.now(), body);
                        assertThat(verifier.verify(headers, body).webhookId()).isEqualTo("msg_1");
                    }
                    assertThat(context).hasSingleBean(ReactiveWebhookVerifier.class);
                });
    }

    @Test
    void backsOffWhenTheApplicationDefinesItsOwnBeans() {
        FluxPayClient own = FluxPayClient.builder()
                .baseUrl("http://own.invalid")
                .apiKey("sk_own")
                .build();
        WebhookVerifier ownVerifier = WebhookVerifier.of(SECRET);
        runner.withPropertyValues(
                        "fluxpay.client.base-url=http://localhost:8081",
                        "fluxpay.client.api-key=sk",
                        "fluxpay.client.webhook.secrets=" + OLD_SECRET)
                .withBean(FluxPayClient.class, () -> own)
                .withBean(WebhookVerifier.class, () -> ownVerifier)
                .run(context -> {
                    assertThat(context.getBean(FluxPayClient.class)).isSameAs(own);
                    assertThat(context.getBean(WebhookVerifier.class)).isSameAs(ownVerifier);
                    assertThat(context).hasSingleBean(ReactiveWebhookVerifier.class);
                });
    }

    @Test
    void appliesCustomizers() {
        runner.withPropertyValues("fluxpay.client.base-url=http://localhost:8081", "fluxpay.client.api-key=sk")
                .withBean(FluxPayClientBuilderCustomizer.class, () -> builder -> builder.baseUrl("http://other:9"))
                .run(context -> assertThat(context.getBean(FluxPayClient.class).baseUrl())
                        .isEqualTo("http://other:9/"));
    }

    @Test
    void recordsMetricsWhenThereIsARegistryAndWorksWithoutMicrometer() {
        runner.withPropertyValues("fluxpay.client.base-url=http://localhost:8081", "fluxpay.client.api-key=sk")
                .withBean(MeterRegistry.class, SimpleMeterRegistry::new)
                .run(context ->
                        assertThat(context.getBean(ClientListener.class)).isInstanceOf(FluxPayClientMetrics.class));
        runner.withPropertyValues("fluxpay.client.base-url=http://localhost:8081", "fluxpay.client.api-key=sk")
                .run(context ->
                        assertThat(context.getBean(ClientListener.class)).isSameAs(ClientListener.NONE));
        runner.withPropertyValues("fluxpay.client.base-url=http://localhost:8081", "fluxpay.client.api-key=sk")
                .withClassLoader(new FilteredClassLoader(MeterRegistry.class))
                .run(context -> {
                    assertThat(context).hasSingleBean(FluxPayClient.class);
                    assertThat(context).doesNotHaveBean(ClientListener.class);
                });
    }

    @Test
    void leavesTheWebFluxHelperOutWithoutWebFlux() {
        runner.withPropertyValues("fluxpay.client.webhook.secrets=" + SECRET)
                .withClassLoader(new FilteredClassLoader("org.springframework.http.server.reactive"))
                .run(context -> {
                    assertThat(context).hasSingleBean(WebhookVerifier.class);
                    assertThat(context).doesNotHaveBean(ReactiveWebhookVerifier.class);
                });
    }

    @Test
    void closesTheClientWithTheContext() {
        FluxPayClient[] client = new FluxPayClient[1];
        runner.withPropertyValues("fluxpay.client.base-url=http://localhost:8081", "fluxpay.client.api-key=sk")
                .run(context -> client[0] = context.getBean(FluxPayClient.class));

        assertThatThrownBy(() -> client[0].orders().get("ord_1")).isInstanceOf(IllegalStateException.class);
    }
}
