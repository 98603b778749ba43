package dev.perfplatform.fluxpay.pg;

import static org.assertj.core.api.Assertions.assertThat;

import dev.perfplatform.fluxpay.SelfUrl;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.mock.env.MockEnvironment;
import tools.jackson.databind.json.JsonMapper;

/** The TossPayments v1 adapter against the wire shapes of Toss's core API reference and error-code pages. */
class TossPaymentsGatewayTests {

    private static final String SECRET = "test_sk_zXLkKEypNArWmo50nX3lmeaxYG5R";
    private static final String DONE = """
            {"mId":"tosspayments","version":"2022-11-16","paymentKey":"5EnNZRJGvaBX7zk2yd8ydw26XvwXkLrx9POLqKQjmAw4b0e1",
             "orderId":"a4CWyWY5m89PNh7xJwhk1","orderName":"PRO plan","status":"DONE","requestedAt":"2024-02-13T12:17:57+09:00",
             "approvedAt":"2024-02-13T12:18:14+09:00","totalAmount":9900,"balanceAmount":9900,"method":"카드",
             "currency":"KRW","cancels":null,"failure":null}""";

    private MockWebServer server;
    private TossPaymentsGateway gateway;

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.start();
        URI base = URI.create(server.url("/v1").toString());
        gateway = new TossPaymentsGateway(
                new TossSettings(base, SECRET, Duration.ofSeconds(1), Duration.ofMillis(500)),
                new SelfUrl(new MockEnvironment()),
                JsonMapper.builder().build());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void confirmSendsTheDocumentedRequestAndReadsADonePayment() throws Exception {
        server.enqueue(json(200, DONE));

        PgOutcome outcome = gateway.confirm("5EnNZRJG", "a4CWyWY5m89PNh7xJwhk1", 9900, "confirm-p1")
                .block();

        RecordedRequest sent = server.takeRequest();
        assertThat(sent.getMethod()).isEqualTo("POST");
        assertThat(sent.getUrl().encodedPath()).isEqualTo("/v1/payments/confirm");
        assertThat(sent.getHeaders().get("Authorization"))
                .isEqualTo(
                        "Basic " + Base64.getEncoder().encodeToString((SECRET + ":").getBytes(StandardCharsets.UTF_8)));
        assertThat(sent.getHeaders().get("Idempotency-Key")).isEqualTo("confirm-p1");
        assertThat(sent.getBody().utf8())
                .contains("\"paymentKey\":\"5EnNZRJG\"", "\"orderId\":\"a4CWyWY5m89PNh7xJwhk1\"", "\"amount\":9900");
        assertThat(outcome)
                .isEqualTo(new PgOutcome.Approved(
                        "5EnNZRJGvaBX7zk2yd8ydw26XvwXkLrx9POLqKQjmAw4b0e1",
                        9900,
                        Instant.parse("2024-02-13T03:18:14Z")));
    }

    @ParameterizedTest
    @CsvSource({
        "403, REJECT_CARD_PAYMENT, declined",
        "400, BELOW_MINIMUM_AMOUNT, declined",
        "404, NOT_FOUND_PAYMENT_SESSION, declined",
        "400, ALREADY_PROCESSED_PAYMENT, unknown",
        "400, PROVIDER_ERROR, unknown",
        "409, IDEMPOTENT_REQUEST_PROCESSING, unknown",
        "500, FAILED_INTERNAL_SYSTEM_PROCESSING, unknown",
        "500, UNKNOWN_PAYMENT_ERROR, unknown",
        "401, UNAUTHORIZED_KEY, unknown",
        "400, SOME_CODE_ADDED_LATER, unknown"
    })
    void errorCodesAreClassified(int status, String code, String expected) {
        server.enqueue(json(status, "{\"code\":\"" + code + "\",\"message\":\"메시지\"}"));

        PgOutcome outcome = gateway.confirm("pk", "order-1", 100, "k").block();

        assertThat(outcome)
                .isInstanceOf(expected.equals("declined") ? PgOutcome.Declined.class : PgOutcome.Unknown.class);
    }

    @Test
    void aResponseThatNeverComesIsUnknown() {
        server.enqueue(new MockResponse.Builder()
                .headersDelay(3, TimeUnit.SECONDS)
                .code(200)
                .body(DONE)
                .build());

        assertThat(gateway.confirm("pk", "order-1", 9900, "k").block()).isInstanceOf(PgOutcome.Unknown.class);
    }

    @Test
    void anHtmlErrorPageIsUnknown() {
        server.enqueue(new MockResponse.Builder()
                .code(502)
                .body("<html>bad gateway</html>")
                .build());

        assertThat(gateway.confirm("pk", "order-1", 9900, "k").block()).isInstanceOf(PgOutcome.Unknown.class);
    }

    @Test
    void lookupByOrderIdUsesTossOrdersPath() throws Exception {
        server.enqueue(json(
                200,
                "{\"paymentKey\":\"pk\",\"orderId\":\"order-1\",\"status\":\"DONE\",\"totalAmount\":100,"
                        + "\"balanceAmount\":100,\"approvedAt\":\"2024-02-13T12:18:14+09:00\"}"));
        server.enqueue(json(404, "{\"code\":\"NOT_FOUND_PAYMENT\",\"message\":\"없음\"}"));

        assertThat(gateway.lookupByOrderId("order-1").block()).isInstanceOf(PgOutcome.Approved.class);
        assertThat(gateway.lookupByOrderId("order-2").block()).isInstanceOf(PgOutcome.Unknown.class);
        assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo("/v1/payments/orders/order-1");
    }

    @Test
    void lookupReadsAbortedAndInProgressPayments() throws Exception {
        server.enqueue(json(
                200,
                "{\"paymentKey\":\"pk\",\"status\":\"ABORTED\",\"totalAmount\":100,"
                        + "\"failure\":{\"code\":\"REJECT_CARD_COMPANY\",\"message\":\"거절\"}}"));
        server.enqueue(json(200, "{\"paymentKey\":\"pk\",\"status\":\"IN_PROGRESS\",\"totalAmount\":100}"));

        assertThat(gateway.lookup("pk").block()).isEqualTo(new PgOutcome.Declined("REJECT_CARD_COMPANY", "거절"));
        assertThat(gateway.lookup("pk").block()).isInstanceOf(PgOutcome.Unknown.class);
        assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo("/v1/payments/pk");
    }

    @Test
    void lookupReadsWhatIsLeftAfterCancels() {
        server.enqueue(json(
                200,
                DONE.replace("\"DONE\"", "\"PARTIAL_CANCELED\"")
                        .replace("\"balanceAmount\":9900", "\"balanceAmount\":4900")));
        server.enqueue(json(
                200,
                "{\"paymentKey\":\"pk\",\"status\":\"CANCELED\",\"totalAmount\":100,"
                        + "\"approvedAt\":\"2024-02-13T12:18:14+09:00\"}"));
        server.enqueue(json(
                200,
                "{\"paymentKey\":\"pk\",\"status\":\"DONE\",\"totalAmount\":100,"
                        + "\"approvedAt\":\"2024-02-13T12:18:14+09:00\"}"));

        PgOutcome partial = gateway.lookup("pk").block();
        PgOutcome canceled = gateway.lookup("pk").block();
        PgOutcome withoutBalance = gateway.lookup("pk").block();

        assertThat(partial).isInstanceOfSatisfying(PgOutcome.Approved.class, approved -> {
            assertThat(approved.balanceAmount()).isEqualTo(4900);
            assertThat(approved.canceledAmount()).isEqualTo(5000);
        });
        assertThat(canceled)
                .isInstanceOfSatisfying(
                        PgOutcome.Approved.class,
                        approved -> assertThat(approved.canceledAmount()).isEqualTo(100));
        assertThat(withoutBalance)
                .isInstanceOfSatisfying(
                        PgOutcome.Approved.class,
                        approved -> assertThat(approved.canceledAmount()).isZero());
    }

    @Test
    void lookupTellsAPendingPaymentFromNoAnswer() {
        server.enqueue(json(200, "{\"paymentKey\":\"pk\",\"status\":\"WAITING_FOR_DEPOSIT\",\"totalAmount\":100}"));
        server.enqueue(json(404, "{\"code\":\"NOT_FOUND_PAYMENT\",\"message\":\"존재하지 않는 결제 입니다.\"}"));
        server.enqueue(json(500, "{\"code\":\"FAILED_INTERNAL_SYSTEM_PROCESSING\",\"message\":\"오류\"}"));

        assertThat(gateway.lookup("pk").block())
                .isEqualTo(new PgOutcome.Unknown("payment is WAITING_FOR_DEPOSIT", "WAITING_FOR_DEPOSIT"));
        assertThat(gateway.lookup("pk").block())
                .isInstanceOfSatisfying(
                        PgOutcome.Unknown.class,
                        unknown -> assertThat(unknown.pgAnswered()).isFalse());
        assertThat(gateway.lookup("pk").block())
                .isInstanceOfSatisfying(
                        PgOutcome.Unknown.class,
                        unknown -> assertThat(unknown.pgAnswered()).isFalse());
    }

    @Test
    void aPaymentsSecretIsCarriedForWebhooksButNeverPrinted() {
        String secret = "ps_Z1aOwX7K8mYpalw";
        server.enqueue(json(200, DONE.replace("\"failure\":null", "\"failure\":null,\"secret\":\"" + secret + "\"")));
        server.enqueue(json(
                200,
                "{\"paymentKey\":\"pk\",\"status\":\"WAITING_FOR_DEPOSIT\",\"method\":\"가상계좌\","
                        + "\"totalAmount\":100,\"secret\":\"" + secret + "\"}"));
        server.enqueue(json(200, DONE.replace("\"failure\":null", "\"failure\":null,\"secret\":null")));

        PgOutcome confirmed =
                gateway.confirm("pk", "order-1", 9900, "confirm-p1").block();
        PgOutcome waiting = gateway.lookup("pk").block();
        PgOutcome card = gateway.lookup("pk").block();

        assertThat(confirmed).isInstanceOf(PgOutcome.Approved.class);
        assertThat(confirmed.secret()).isEqualTo(secret);
        assertThat(waiting).isInstanceOf(PgOutcome.Unknown.class);
        assertThat(waiting.secret()).isEqualTo(secret);
        assertThat(card.secret()).isNull();
        assertThat(List.of(confirmed.toString(), waiting.toString())).noneMatch(text -> text.contains(secret));
    }

    @Test
    void cancelSendsTheAmountAndTheRefundableGuard() throws Exception {
        server.enqueue(json(200, DONE.replace("\"DONE\"", "\"PARTIAL_CANCELED\"")));
        server.enqueue(json(400, "{\"code\":\"NOT_MATCHES_REFUNDABLE_AMOUNT\",\"message\":\"잔액 불일치\"}"));

        assertThat(gateway.cancel("pk", 4000, 9900, "damaged", "refund-r1").block())
                .isInstanceOf(PgOutcome.Approved.class);
        assertThat(gateway.cancel("pk", 4000, 9900, "damaged", "refund-r2").block())
                .isInstanceOf(PgOutcome.Declined.class);

        RecordedRequest sent = server.takeRequest();
        assertThat(sent.getUrl().encodedPath()).isEqualTo("/v1/payments/pk/cancel");
        assertThat(sent.getHeaders().get("Idempotency-Key")).isEqualTo("refund-r1");
        assertThat(sent.getBody().utf8())
                .contains("\"cancelAmount\":4000", "\"refundableAmount\":9900", "\"cancelReason\":\"damaged\"");
    }

    private static MockResponse json(int status, String body) {
        return new MockResponse.Builder()
                .code(status)
                .addHeader("Content-Type", "application/json")
                .body(body)
                .build();
    }
}
