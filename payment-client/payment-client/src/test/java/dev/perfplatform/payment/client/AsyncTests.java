package dev.perfplatform.payment.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.perfplatform.payment.client.model.ConfirmPaymentRequest;
import dev.perfplatform.payment.client.model.Payment;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import mockwebserver3.MockResponse;
import okhttp3.Call;
import okhttp3.EventListener;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class AsyncTests {

    @RegisterExtension
    final FluxPayServer server = new FluxPayServer();

    private static final ConfirmPaymentRequest CONFIRM = new ConfirmPaymentRequest("pk_1", 19_800);

    @Test
    void completesWithTheResult() throws Exception {
        server.data(200, Fixtures.PAYMENT_DONE);

        Payment payment = server.client().payments().getAsync("pay_1").get(5, TimeUnit.SECONDS);

        assertThat(payment.paymentId()).isEqualTo("pay_1");
    }

    @Test
    void backsOffOnTheSchedulerWithoutSleepingAndKeepsTheKey() throws Exception {
        server.error(503, "SYS_002", "unavailable").data(200, Fixtures.PAYMENT_DONE);

        Outcome<Payment> outcome =
                server.client().payments().confirmAsync("pay_1", CONFIRM).get(5, TimeUnit.SECONDS);

        assertThat(outcome.completed().status().name()).isEqualTo("DONE");
        assertThat(server.time.sleeps).isEmpty();
        assertThat(server.time.scheduled).containsExactly(Duration.ofMillis(375));
        assertThat(server.take().getHeaders().get("Idempotency-Key"))
                .isEqualTo(server.take().getHeaders().get("Idempotency-Key"));
    }

    @Test
    void completesExceptionallyWithTheTypedError() {
        server.error(404, "PAY_001", "no such payment");

        CompletableFuture<Payment> future = server.client().payments().getAsync("pay_x");

        assertThatThrownBy(() -> future.get(5, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .cause()
                .isInstanceOfSatisfying(
                        FluxPayApiException.class, e -> assertThat(e.code()).isEqualTo("PAY_001"));
    }

    @Test
    void aZeroTwoIsUnknownAsynchronouslyToo() throws Exception {
        server.data(202, Fixtures.PAYMENT_UNKNOWN);

        assertThat(server.client()
                        .payments()
                        .confirmAsync("pay_1", CONFIRM)
                        .get(5, TimeUnit.SECONDS)
                        .isUnknown())
                .isTrue();
        assertThat(server.requestCount()).isEqualTo(1);
    }

    @Test
    void cancelingDuringTheBackoffDropsTheRetry() throws Exception {
        server.time.holdScheduled();
        server.error(503, "SYS_002", "unavailable").data(200, Fixtures.PAYMENT_DONE);

        CompletableFuture<Outcome<Payment>> future = server.client().payments().confirmAsync("pay_1", CONFIRM);
        var retry = server.time.held.poll(5, TimeUnit.SECONDS);
        assertThat(retry).as("a retry was scheduled").isNotNull();

        assertThat(future.cancel(true)).isTrue();

        await().atMost(Duration.ofSeconds(5)).until(retry::isCancelled); // set by the OkHttp thread after scheduling
        retry.run(); // a scheduler that fires anyway must not send the request
        assertThat(server.requestCount()).isEqualTo(1);
        assertThatThrownBy(future::join).isInstanceOf(CancellationException.class);
    }

    @Test
    void cancelingWhileTheRequestIsInFlightCancelsTheHttpCall() throws Exception {
        CountDownLatch canceled = new CountDownLatch(1);
        AtomicBoolean failedAfterCancel = new AtomicBoolean();
        OkHttpClient http = new OkHttpClient.Builder()
                .eventListener(new EventListener() {
                    @Override
                    public void canceled(Call call) {
                        canceled.countDown();
                    }

                    @Override
                    public void callFailed(Call call, IOException failure) {
                        failedAfterCancel.set(call.isCanceled());
                    }
                })
                .build();
        server.enqueue(new MockResponse.Builder()
                .headersDelay(10, TimeUnit.SECONDS)
                .body("{}")
                .build());

        try (FluxPayClient client = server.builder().okHttpClient(http).build()) {
            CompletableFuture<Outcome<Payment>> future = client.payments().confirmAsync("pay_1", CONFIRM);
            server.take(); // the request is on the wire

            future.cancel(true);

            assertThat(canceled.await(5, TimeUnit.SECONDS)).isTrue();
            await().atMost(Duration.ofSeconds(5)).untilTrue(failedAfterCancel);
            assertThat(server.time.scheduled).isEmpty();
        }
    }

    @Test
    void closingTheClientEndsPendingRetries() throws Exception {
        server.time.holdScheduled();
        server.error(503, "SYS_002", "unavailable");
        FluxPayClient client = server.builder().build();
        CompletableFuture<Payment> future = client.payments().getAsync("pay_1");
        var retry = server.time.held.poll(5, TimeUnit.SECONDS);

        client.close();
        retry.run();

        assertThatThrownBy(() -> future.get(5, TimeUnit.SECONDS))
                .cause()
                .isInstanceOf(FluxPayTransportException.class)
                .hasMessageContaining("closed");
        assertThatThrownBy(() -> client.payments().get("pay_1")).isInstanceOf(IllegalStateException.class);
        assertThat(server.requestCount()).isEqualTo(1);
    }
}
