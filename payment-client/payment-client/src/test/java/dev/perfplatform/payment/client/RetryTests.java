package dev.perfplatform.payment.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.perfplatform.payment.client.model.CreateRefundRequest;
import dev.perfplatform.payment.client.model.Refund;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RetryTests {

    @RegisterExtension
    final FluxPayServer server = new FluxPayServer();

    private static final CreateRefundRequest REFUND = new CreateRefundRequest("pay_1", 5_000, "damaged");

    @Test
    void retriesServerErrorsWithOneIdempotencyKeyAndExponentialJitteredBackoff() throws Exception {
        server.error(503, "SYS_002", "unavailable")
                .error(500, "SYS_001", "boom")
                .data(201, Fixtures.REFUND);

        Outcome<Refund> outcome = server.client().refunds().create(REFUND);

        assertThat(outcome.completed().refundId()).isEqualTo("ref_1");
        List<RecordedRequest> sent = takeAll(3);
        assertThat(sent).extracting(r -> r.getHeaders().get("Idempotency-Key")).containsOnly(key(sent.get(0)));
        assertThat(sent)
                .extracting(r -> r.getHeaders().get("X-Request-Id"))
                .containsOnly(sent.get(0).getHeaders().get("X-Request-Id"));
        assertThat(sent)
                .extracting(r -> r.getBody().utf8())
                .containsOnly(sent.get(0).getBody().utf8());
        // jitter 0.5 scales by 0.75: 500 ms, then 1 s
        assertThat(server.time.sleeps).containsExactly(Duration.ofMillis(375), Duration.ofMillis(750));
    }

    @Test
    void aSecondLogicalCallGetsANewKeyButTheCallersKeyIsKeptAcrossRetries() throws Exception {
        server.data(201, Fixtures.REFUND)
                .data(201, Fixtures.REFUND)
                .error(503, "SYS_002", "unavailable")
                .data(201, Fixtures.REFUND);

        server.client().refunds().create(REFUND);
        server.client().refunds().create(REFUND);
        server.client().refunds().create(REFUND, RequestOptions.idempotencyKey("refund-42"));

        List<RecordedRequest> sent = takeAll(4);
        assertThat(key(sent.get(0))).isNotEqualTo(key(sent.get(1)));
        assertThat(key(sent.get(2))).isEqualTo("refund-42");
        assertThat(key(sent.get(3))).isEqualTo("refund-42");
    }

    @Test
    void givesUpAfterMaxRetriesWithTheLastError() {
        server.error(503, "SYS_002", "unavailable")
                .error(503, "SYS_002", "unavailable")
                .error(502, "SYS_003", "bad gateway");

        assertThatThrownBy(() -> server.client().refunds().create(REFUND))
                .isInstanceOfSatisfying(FluxPayApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(502);
                    assertThat(e.code()).isEqualTo("SYS_003");
                });
        assertThat(server.requestCount()).isEqualTo(RetryPolicy.DEFAULT_MAX_RETRIES + 1);
    }

    @Test
    void honoursRetryAfterInsteadOfTheBackoff() {
        server.error(429, "RATE_001", "3", "slow down").data(200, Fixtures.REFUND);

        server.client().refunds().get("ref_1");

        assertThat(server.time.sleeps).containsExactly(Duration.ofSeconds(3));
    }

    @Test
    void honoursARetryAfterDate() {
        String inFiveSeconds = DateTimeFormatter.RFC_1123_DATE_TIME.format(
                FakeTimekeeper.EPOCH.plusSeconds(5).atOffset(ZoneOffset.UTC));
        server.error(503, "SYS_002", inFiveSeconds, "maintenance").data(200, Fixtures.REFUND);

        server.client().refunds().get("ref_1");

        assertThat(server.time.sleeps).containsExactly(Duration.ofSeconds(5));
    }

    @Test
    void capsRetryAfterAtWhatIsLeftOfTheDeadline() {
        server.error(503, "SYS_002", "unavailable")
                .error(429, "RATE_001", "120", "slow down")
                .data(200, Fixtures.REFUND);

        server.client().refunds().get("ref_1");

        Duration left = RetryPolicy.DEFAULT_DEADLINE.minus(Duration.ofMillis(375));
        assertThat(server.time.sleeps).containsExactly(Duration.ofMillis(375), left);
    }

    @Test
    void startsNoRetryAfterTheDeadline() {
        RetryPolicy slow = RetryPolicy.builder()
                .maxRetries(5)
                .baseDelay(Duration.ofSeconds(10))
                .maxDelay(Duration.ofSeconds(10))
                .deadline(Duration.ofSeconds(15))
                .build();
        IntStream.range(0, 6).forEach(i -> server.error(500, "SYS_001", "boom"));

        try (FluxPayClient client = server.builder().retryPolicy(slow).build()) {
            assertThatThrownBy(() -> client.refunds().get("ref_1")).isInstanceOf(FluxPayApiException.class);
        }

        assertThat(server.time.sleeps).containsExactly(Duration.ofMillis(7_500), Duration.ofMillis(7_500));
        assertThat(server.requestCount()).isEqualTo(3);
    }

    @Test
    void capsTheBackoffAtMaxDelay() {
        RetryPolicy policy = RetryPolicy.builder().maxRetries(6).build();
        IntStream.range(0, 6).forEach(i -> server.error(500, "SYS_001", "boom"));
        server.data(200, Fixtures.REFUND);

        try (FluxPayClient client = server.builder().retryPolicy(policy).build()) {
            client.refunds().get("ref_1");
        }

        assertThat(server.time.sleeps)
                .extracting(Duration::toMillis)
                .containsExactly(375L, 750L, 1_500L, 3_000L, 3_750L, 3_750L);
    }

    @Test
    void retriesAnInProgressConflictButNotAStateConflict() {
        server.error(409, ErrorCodes.IDEMPOTENCY_KEY_IN_PROGRESS, "in progress")
                .data(201, Fixtures.REFUND)
                .error(409, "ORD_002", "order already paid");

        server.client().refunds().create(REFUND);
        assertThatThrownBy(() -> server.client().refunds().create(REFUND))
                .isInstanceOfSatisfying(
                        FluxPayApiException.class, e -> assertThat(e.code()).isEqualTo("ORD_002"));

        assertThat(server.requestCount()).isEqualTo(3);
    }

    @Test
    void neverRetriesOtherClientErrors() {
        server.error(400, "VAL_001", "bad request")
                .error(404, "PAY_001", "no such payment")
                .error(422, ErrorCodes.IDEMPOTENCY_KEY_REUSED, "key reused with another body");

        assertThatThrownBy(() -> server.client().refunds().create(REFUND)).isInstanceOf(FluxPayApiException.class);
        assertThatThrownBy(() -> server.client().payments().get("pay_x")).isInstanceOf(FluxPayApiException.class);
        assertThatThrownBy(() -> server.client().refunds().create(REFUND))
                .isInstanceOf(IdempotencyConflictException.class);

        assertThat(server.requestCount()).isEqualTo(3);
        assertThat(server.time.sleeps).isEmpty();
    }

    @Test
    void retriesAConnectionDroppedBeforeTheAnswerWithTheSameKey() throws Exception {
        server.dropConnection().data(201, Fixtures.REFUND);

        assertThat(server.client().refunds().create(REFUND).completed().refundId())
                .isEqualTo("ref_1");

        List<RecordedRequest> sent = new ArrayList<>();
        for (int i = 0; i < server.requestCount(); i++) {
            sent.add(server.take());
        }
        assertThat(sent).hasSizeGreaterThanOrEqualTo(2);
        assertThat(sent).extracting(RetryTests::key).containsOnly(key(sent.get(0)));
    }

    @Test
    void aConnectionFailureOnEveryAttemptIsATransportErrorWithTheRequestIdItSent() throws Exception {
        server.dropConnection()
                .dropConnection()
                .dropConnection()
                .dropConnection()
                .dropConnection();

        Throwable thrown;
        try (FluxPayClient client =
                server.builder().retryPolicy(RetryPolicy.none()).build()) {
            thrown = catchThrowable(() -> client.refunds().create(REFUND));
        }

        String sentId = server.take().getHeaders().get("X-Request-Id");
        assertThat(thrown).isInstanceOfSatisfying(FluxPayTransportException.class, e -> {
            assertThat(e.attempts()).isEqualTo(1);
            assertThat(e.requestId()).isEqualTo(sentId);
            assertThat(e.getMessage()).startsWith("no answer to refunds.create after 1 attempt(s)");
        });
    }

    @Test
    void thePerCallTimeoutBoundsEachAttempt() {
        server.enqueue(new MockResponse.Builder()
                        .headersDelay(1, TimeUnit.SECONDS)
                        .body("{}")
                        .build())
                .data(200, Fixtures.REFUND);

        Refund refund = server.client().refunds().get("ref_1", RequestOptions.timeout(Duration.ofMillis(200)));

        assertThat(refund.refundId()).isEqualTo("ref_1");
        assertThat(server.requestCount()).isEqualTo(2);
    }

    @Test
    void concurrentCallsShareTheClientWithTheirOwnKeys() throws Exception {
        int calls = 20;
        IntStream.range(0, calls).forEach(i -> server.data(201, Fixtures.REFUND));
        List<CompletableFuture<Outcome<Refund>>> futures = new ArrayList<>();
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            for (int i = 0; i < calls; i++) {
                futures.add(CompletableFuture.supplyAsync(
                        () -> server.client().refunds().create(REFUND), threads));
            }
            CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
        } finally {
            threads.shutdownNow();
        }

        assertThat(takeAll(calls)).extracting(RetryTests::key).doesNotHaveDuplicates();
    }

    private List<RecordedRequest> takeAll(int count) throws InterruptedException {
        List<RecordedRequest> sent = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            sent.add(server.take());
        }
        return sent;
    }

    private static String key(RecordedRequest request) {
        return request.getHeaders().get("Idempotency-Key");
    }
}
