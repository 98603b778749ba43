package dev.perfplatform.payment.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.perfplatform.payment.client.micrometer.FluxPayClientMetrics;
import dev.perfplatform.payment.client.model.ConfirmPaymentRequest;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class MetricsTests {

    @RegisterExtension
    final FluxPayServer server = new FluxPayServer();

    private static final ConfirmPaymentRequest CONFIRM = new ConfirmPaymentRequest("pk_1", 19_800);

    @Test
    void timesEachLogicalCallByOperationAndOutcomeAndCountsRetries() throws Exception {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        server.error(503, "SYS_002", "unavailable")
                .data(200, Fixtures.PAYMENT_DONE) // success after one retry
                .data(202, Fixtures.PAYMENT_UNKNOWN) // unknown
                .error(400, "PAY_002", "declined") // client error
                .error(429, "RATE_001", "0", "slow down")
                .data(200, Fixtures.PAYMENT_DONE); // async success after one retry
        try (FluxPayClient client = server.builder()
                .listener(FluxPayClientMetrics.listener(registry))
                .build()) {
            client.payments().confirm("pay_1", CONFIRM);
            client.payments().confirm("pay_1", CONFIRM);
            assertThat(catchThrowable(() -> client.payments().confirm("pay_1", CONFIRM)))
                    .isInstanceOf(FluxPayApiException.class);
            client.payments().getAsync("pay_1").get(5, TimeUnit.SECONDS);
        }

        assertThat(count(registry, "payments.confirm", "success")).isEqualTo(1);
        assertThat(count(registry, "payments.confirm", "unknown")).isEqualTo(1);
        assertThat(count(registry, "payments.confirm", "client_error")).isEqualTo(1);
        assertThat(count(registry, "payments.get", "success")).isEqualTo(1);
        assertThat(registry.get(FluxPayClientMetrics.REQUESTS)
                        .tags("operation", "payments.confirm", "outcome", "success")
                        .timer()
                        .totalTime(TimeUnit.MILLISECONDS))
                .as("backoff is part of the call")
                .isEqualTo(375);
        assertThat(retries(registry, "payments.confirm", "server_error")).isEqualTo(1);
        assertThat(retries(registry, "payments.get", "rate_limited")).isEqualTo(1);
    }

    @Test
    void countsTransportAndServerErrors() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        server.dropConnection().error(500, "SYS_001", "boom");
        try (FluxPayClient client = server.builder()
                .retryPolicy(RetryPolicy.none())
                .listener(FluxPayClientMetrics.listener(registry))
                .build()) {
            assertThat(catchThrowable(() -> client.orders().get("ord_1")))
                    .isInstanceOf(FluxPayTransportException.class);
            assertThat(catchThrowable(() -> client.orders().get("ord_1"))).isInstanceOf(FluxPayApiException.class);
        }

        assertThat(count(registry, "orders.get", "transport_error")).isEqualTo(1);
        assertThat(count(registry, "orders.get", "server_error")).isEqualTo(1);
    }

    @Test
    void rendersConventionalPrometheusNamesWithoutUrlsOrIds() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        server.error(503, "SYS_002", "unavailable").data(200, Fixtures.ORDER);
        try (FluxPayClient client = server.builder()
                .listener(FluxPayClientMetrics.listener(registry))
                .build()) {
            client.orders().get("ord_1");
        }

        String text = registry.scrape();

        assertThat(text.lines().filter(line -> line.startsWith("# TYPE ")))
                .containsExactlyInAnyOrder(
                        "# TYPE payment_client_requests_seconds summary",
                        "# TYPE payment_client_requests_seconds_max gauge",
                        "# TYPE payment_client_retries_total counter");
        assertThat(text)
                .contains("payment_client_requests_seconds_count{operation=\"orders.get\",outcome=\"success\"} 1")
                .contains("payment_client_retries_total{operation=\"orders.get\",reason=\"server_error\"} 1.0")
                .doesNotContain("ord_1")
                .doesNotContain("/api/v1")
                .doesNotContain("localhost");
    }

    private static long count(SimpleMeterRegistry registry, String operation, String outcome) {
        var timer = registry.find(FluxPayClientMetrics.REQUESTS)
                .tags("operation", operation, "outcome", outcome)
                .timer();
        return timer == null ? 0 : timer.count();
    }

    private static double retries(SimpleMeterRegistry registry, String operation, String reason) {
        return registry.get(FluxPayClientMetrics.RETRIES)
                .tags("operation", operation, "reason", reason)
                .counter()
                .count();
    }
}
