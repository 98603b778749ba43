package dev.perfplatform.payment.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.perfplatform.payment.client.model.ConfirmPaymentRequest;
import dev.perfplatform.payment.client.model.CreateOrderRequest;
import dev.perfplatform.payment.client.model.CreatePaymentRequest;
import dev.perfplatform.payment.client.model.CreateRefundRequest;
import dev.perfplatform.payment.client.model.LineItem;
import dev.perfplatform.payment.client.model.OrderListParams;
import java.time.Duration;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ValidationTests {

    private static final Currency KRW = Currency.getInstance("KRW");

    @Test
    void theBuilderNamesWhatIsMissingOrWrong() {
        assertThatThrownBy(() -> FluxPayClient.builder().apiKey("sk").build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("baseUrl must be set");
        assertThatThrownBy(() ->
                        FluxPayClient.builder().baseUrl("http://localhost:8081").build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("apiKey must be set");
        assertThatThrownBy(() ->
                        FluxPayClient.builder().baseUrl("ftp://x").apiKey("sk").build())
                .hasMessage("baseUrl must be an http or https URL, was ftp://x");
        assertThatThrownBy(() -> FluxPayClient.builder().apiKey(" ")).hasMessage("apiKey must not be blank");
        assertThatThrownBy(() -> FluxPayClient.builder().readTimeout(Duration.ZERO))
                .hasMessage("readTimeout must be positive, was PT0S");
    }

    @Test
    void theRetryPolicyChecksItsValuesAndComputesTheBackoff() {
        assertThat(RetryPolicy.ofDefaults().toString())
                .isEqualTo("RetryPolicy{maxRetries=2, baseDelay=PT0.5S, maxDelay=PT5S, deadline=PT30S}");
        assertThat(RetryPolicy.none().maxRetries()).isZero();
        assertThat(RetryPolicy.ofDefaults().toBuilder().maxRetries(4).build().deadline())
                .isEqualTo(RetryPolicy.DEFAULT_DEADLINE);
        assertThatThrownBy(() -> RetryPolicy.builder().maxRetries(-1)).hasMessageContaining("maxRetries");
        assertThatThrownBy(() ->
                        RetryPolicy.builder().maxDelay(Duration.ofMillis(100)).build())
                .hasMessageContaining("must not exceed maxDelay");
        RetryPolicy policy = RetryPolicy.ofDefaults();
        assertThat(policy.backoff(1, 0.0)).isEqualTo(Duration.ofMillis(250));
        assertThat(policy.backoff(1, 0.999_999)).isLessThan(Duration.ofMillis(500));
        assertThat(policy.backoff(60, 0.999_999))
                .isLessThan(Duration.ofSeconds(5))
                .isGreaterThan(Duration.ofMillis(4_999));
        assertThatThrownBy(() -> policy.backoff(0, 0.5)).hasMessageContaining("retry must be at least 1");
    }

    @Test
    void requestOptionsCheckTheKeyAndTimeout() {
        assertThat(RequestOptions.idempotencyKey("k").withTimeout(Duration.ofSeconds(3)))
                .isEqualTo(new RequestOptions("k", Duration.ofSeconds(3)));
        assertThatThrownBy(() -> RequestOptions.idempotencyKey("has space")).hasMessageContaining("printable ASCII");
        assertThatThrownBy(() -> RequestOptions.idempotencyKey("k".repeat(256))).hasMessageContaining("1 to 255");
        assertThatThrownBy(() -> RequestOptions.timeout(Duration.ofSeconds(-1))).hasMessageContaining("timeout");
    }

    @Test
    void requestBodiesRejectWhatFluxPayWould() {
        assertThatThrownBy(() -> new LineItem("p", "P", 0, 100)).hasMessageContaining("quantity must be greater");
        assertThatThrownBy(() -> new LineItem("p", "P", 1, 0)).hasMessageContaining("unitPrice must be greater");
        assertThatThrownBy(() -> new CreateOrderRequest("u", List.of(), KRW, Map.of()))
                .hasMessage("lineItems must not be empty");
        assertThatThrownBy(() -> new CreatePaymentRequest("ord_1", -5, KRW)).hasMessageContaining("amount");
        assertThatThrownBy(() -> new ConfirmPaymentRequest("", 5)).hasMessage("paymentKey must not be blank");
        assertThatThrownBy(() -> new CreateRefundRequest("pay_1", 5, " ")).hasMessage("reason must not be blank");
        assertThatThrownBy(() -> OrderListParams.all().withLimit(101)).hasMessageContaining("between 1 and 100");
    }
}
