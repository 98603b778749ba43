package dev.perfplatform.fluxpay.pgwebhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /webhooks/toss} driven by hand (the simulator's own webhooks and the reconciler are off): duplicates,
 * forged bodies and secrets, bad requests and look-ups that fail. Deliveries follow each other closely, so the
 * look-up window is short.
 */
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(
        properties = {
            "fluxpay.simulator.webhook-url=",
            "fluxpay.reconciler.enabled=false",
            "fluxpay.pg.toss.read-timeout=1s",
            "fluxpay.simulator.timeout-delay=1500ms",
            "fluxpay.pg.webhooks.interval=200ms",
            "fluxpay.pg.webhooks.retry-backoff=300ms,1s,1s",
            "fluxpay.pg.webhooks.lookup-window=200ms"
        })
class InboundWebhookIntegrationTests extends PgWebhookTestBase {

    @Test
    void aTransmissionDeliveredThreeTimesIsProcessedOnce() throws Exception {
        Unresolved unresolved = unknownPayment(4400);
        String transmissionId = "tx-" + UUID.randomUUID();
        String body = paymentStatusChanged(unresolved.paymentKey(), unresolved.payment(), "DONE", 4400);
        double duplicatesBefore = webhooksCounted("duplicate");
        double processedBefore = webhooksCounted("processed");
        List<Callable<HttpResponse<String>>> deliveries = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            deliveries.add(() -> webhook(transmissionId, body));
        }

        List<Integer> answers = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            for (Future<HttpResponse<String>> answer : pool.invokeAll(deliveries)) {
                answers.add(answer.get().statusCode());
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(answers).containsExactly(200, 200, 200);
        assertThat(processed(transmissionId)).isEqualTo("PROCESSED");
        assertThat(count("SELECT count(*) FROM pg_webhook_receipts WHERE transmission_id = '" + transmissionId + "'"))
                .isOne();
        assertThat(status(unresolved.payment())).isEqualTo("DONE");
        assertThat(events(unresolved.payment()))
                .isEqualTo("null>READY,READY>IN_PROGRESS,IN_PROGRESS>UNKNOWN,UNKNOWN>DONE");
        assertThat(text("SELECT cause FROM payment_events WHERE to_status = 'DONE' AND payment_id = '"
                        + paymentId(unresolved.payment()) + "'"))
                .contains("webhook " + transmissionId);
        assertThat(text("SELECT status FROM orders WHERE id = '"
                        + unresolved.payment().get("orderId").asString() + "'"))
                .isEqualTo("PAID");

        String again = "tx-" + UUID.randomUUID();
        assertThat(webhook(again, body).statusCode()).isEqualTo(200);
        assertThat(processed(again)).isEqualTo("IGNORED");
        assertThat(events(unresolved.payment())).endsWith("UNKNOWN>DONE");
        assertThat(webhooksCounted("duplicate") - duplicatesBefore).isEqualTo(2);
        assertThat(webhooksCounted("processed") - processedBefore).isEqualTo(1);
    }

    /** {@code fluxpay.pg.webhooks} for PAYMENT_STATUS_CHANGED with {@code result}, as scraped. */
    private double webhooksCounted(String result) throws Exception {
        return scraped("fluxpay_pg_webhooks_total{result=\"" + result + "\",type=\"PAYMENT_STATUS_CHANGED\"}");
    }

    @Test
    void aForgedDoneForAPaymentThePgHasNotApprovedChangesNothing(CapturedOutput output) throws Exception {
        JsonNode ready = createPayment(5500);
        String readyKey = checkout(ready, "APPROVE");
        JsonNode declined = createPayment(6600);
        String declinedKey = checkout(declined, "DECLINE");
        assertThat(confirm(declined, declinedKey, 6600).statusCode()).isEqualTo(402);
        String declinedEvents = events(declined);

        String forgedReady = "tx-" + UUID.randomUUID();
        String forgedDeclined = "tx-" + UUID.randomUUID();
        assertThat(webhook(forgedReady, paymentStatusChanged(readyKey, ready, "DONE", 1))
                        .statusCode())
                .isEqualTo(200);
        assertThat(webhook(forgedDeclined, paymentStatusChanged(declinedKey, declined, "DONE", 6600))
                        .statusCode())
                .isEqualTo(200);

        assertThat(processed(forgedReady)).isEqualTo("IGNORED");
        assertThat(processed(forgedDeclined)).isEqualTo("IGNORED");
        assertThat(status(ready)).isEqualTo("READY");
        assertThat(events(ready)).isEqualTo("null>READY");
        assertThat(status(declined)).isEqualTo("ABORTED");
        assertThat(events(declined)).isEqualTo(declinedEvents);
        assertThat(count("SELECT count(*) FROM orders WHERE status = 'PAID' AND id IN ('"
                        + ready.get("orderId").asString() + "', '"
                        + declined.get("orderId").asString() + "')"))
                .isZero();
        assertThat(output.getAll())
                .contains("webhook " + forgedReady + " about payment " + paymentId(ready))
                .contains("webhook " + forgedDeclined + " claimed DONE for payment " + paymentId(declined));
    }

    @Test
    void anAmountThePgApprovedThatIsNotThePaymentsIsMarkedForCompensationNotPaid(CapturedOutput output)
            throws Exception {
        Unresolved unresolved = unknownPayment(7700);
        update("UPDATE sim_payments SET amount = 77, balance_amount = 77 WHERE payment_key = '"
                + unresolved.paymentKey() + "'");
        String transmissionId = "tx-" + UUID.randomUUID();

        webhook(transmissionId, paymentStatusChanged(unresolved.paymentKey(), unresolved.payment(), "DONE", 7700));

        assertThat(processed(transmissionId)).isEqualTo("PROCESSED");
        // the PG's truth (it holds 77), marked to be cancelled by the compensation the reconciler runs
        assertThat(text("SELECT status || ' ' || compensation || ' ' || compensation_amount FROM payments WHERE id = '"
                        + paymentId(unresolved.payment()) + "'"))
                .isEqualTo("DONE AMOUNT_MISMATCH 77");
        assertThat(text("SELECT status FROM orders WHERE id = '"
                        + unresolved.payment().get("orderId").asString() + "'"))
                .isEqualTo("PENDING");
        assertThat(output.getAll()).contains("PG approved 77 for payment " + paymentId(unresolved.payment()));
    }

    @Test
    void aSecretThatIsNotThePaymentsIsRefusedAndStoresNothing() throws Exception {
        JsonNode paid = paidPayment(2200);
        String paymentKey = paid.get("paymentKey").asString();
        String pgSecret = text("SELECT secret FROM sim_payments WHERE payment_key = '" + paymentKey + "'");
        assertThat(count("SELECT count(*) FROM payments WHERE id = '" + paymentId(paid)
                        + "' AND pg_secret_hash = sha256(convert_to('" + pgSecret + "', 'UTF8'))"))
                .as("the secret of the confirm's answer is kept, hashed")
                .isOne();
        double depositsRejected = rejected("DEPOSIT_CALLBACK");
        double statusesRejected = rejected("PAYMENT_STATUS_CHANGED");
        String forgedDeposit = "tx-" + UUID.randomUUID();
        String forgedStatus = "tx-" + UUID.randomUUID();
        String eventsBefore = events(paid);

        HttpResponse<String> deposit = webhook(forgedDeposit, depositCallback(paid, "ps_forged"));
        HttpResponse<String> status = webhook(
                forgedStatus,
                paymentStatusChanged(paymentKey, paid, "CANCELED", 2200)
                        .replace("\"method\":\"카드\"", "\"method\":\"가상계좌\",\"secret\":\"ps_forged\""));

        for (HttpResponse<String> refused : List.of(deposit, status)) {
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
            assertThat(body(refused).get("error").get("code").asString()).isEqualTo("VAL_001");
            assertThat(body(refused).get("error").get("message").asString()).contains("secret");
        }
        assertThat(count("SELECT count(*) FROM pg_webhook_receipts WHERE transmission_id IN ('" + forgedDeposit + "', '"
                        + forgedStatus + "')"))
                .isZero();
        assertThat(rejected("DEPOSIT_CALLBACK") - depositsRejected).isEqualTo(1);
        assertThat(rejected("PAYMENT_STATUS_CHANGED") - statusesRejected).isEqualTo(1);

        String genuine = "tx-" + UUID.randomUUID();
        assertThat(webhook(genuine, depositCallback(paid, pgSecret)).statusCode())
                .isEqualTo(200);
        assertThat(processed(genuine)).isEqualTo("IGNORED");
        String withoutSecret = "tx-" + UUID.randomUUID();
        assertThat(webhook(withoutSecret, paymentStatusChanged(paymentKey, paid, "CANCELED", 2200))
                        .statusCode())
                .as("no secret: only a hint, left to the PG look-up")
                .isEqualTo(200);
        assertThat(processed(withoutSecret)).isEqualTo("IGNORED");
        assertThat(events(paid)).isEqualTo(eventsBefore);
    }

    /** A virtual-account deposit callback for the payment (Toss's flat shape) carrying {@code secret}. */
    private static String depositCallback(JsonNode payment, String secret) {
        return "{\"createdAt\":\"2024-02-13T12:18:14.000000\",\"secret\":\"" + secret + "\",\"status\":\"DONE\","
                + "\"transactionKey\":\"t\",\"orderId\":\"" + paymentId(payment) + "\"}";
    }

    private double rejected(String type) throws Exception {
        return scraped("fluxpay_pg_webhooks_total{result=\"rejected\",type=\"" + type + "\"}");
    }

    @Test
    void requestsTossWouldNeverSendAre400AndWriteNothing() throws Exception {
        JsonNode payment = createPayment(1100);
        String valid = paymentStatusChanged("sim_unknown", payment, "DONE", 1100);
        List<String> bodies = List.of(
                "",
                "not json",
                "[1,2]",
                "{}",
                "{\"eventType\":\"PAYMENT_STATUS_CHANGED\",\"data\":{\"status\":\"DONE\"}}",
                "{\"eventType\":\"PAYMENT_STATUS_CHANGED\",\"data\":{\"paymentKey\":\"" + "k".repeat(500) + "\"}}",
                valid.substring(0, valid.length() / 2));
        List<String> ids = new ArrayList<>();
        for (String body : bodies) {
            String transmissionId = "tx-" + UUID.randomUUID();
            ids.add(transmissionId);
            HttpResponse<String> answer = webhook(transmissionId, body);
            assertThat(answer.statusCode()).as(body).isEqualTo(400);
            assertThat(body(answer).get("error").get("code").asString()).isEqualTo("VAL_001");
        }
        HttpResponse<String> noTransmissionId = send("POST", "/webhooks/toss", "", valid);
        HttpResponse<String> badTransmissionId =
                send("POST", "/webhooks/toss", "", valid, "tosspayments-webhook-transmission-id", "with spaces");
        assertThat(List.of(noTransmissionId, badTransmissionId))
                .extracting(HttpResponse::statusCode)
                .containsOnly(400);
        assertThat(count("SELECT count(*) FROM pg_webhook_receipts WHERE transmission_id IN ('"
                        + String.join("','", ids) + "', 'with spaces')"))
                .isZero();
        assertThat(events(payment)).isEqualTo("null>READY");
        assertThat(management("/actuator/prometheus").body())
                .containsPattern("fluxpay_pg_webhooks_total\\{result=\"rejected\",type=\"UNREADABLE\"} [1-9]");
    }

    @Test
    void unknownPaymentsAndOtherEventsAreAcknowledgedAndIgnored() throws Exception {
        String unknownKey = "tx-" + UUID.randomUUID();
        String unknownOrder = "tx-" + UUID.randomUUID();
        String payout = "tx-" + UUID.randomUUID();
        String deposit = "tx-" + UUID.randomUUID();

        assertThat(webhook(
                                unknownKey,
                                "{\"eventType\":\"PAYMENT_STATUS_CHANGED\",\"data\":{\"paymentKey\":\"nobody\","
                                        + "\"orderId\":\"order-of-someone-else\",\"status\":\"DONE\"}}")
                        .statusCode())
                .isEqualTo(200);
        assertThat(webhook(
                                unknownOrder,
                                "{\"eventType\":\"CANCEL_STATUS_CHANGED\",\"data\":{\"orderId\":\"" + UUID.randomUUID()
                                        + "\",\"cancelStatus\":\"DONE\"}}")
                        .statusCode())
                .isEqualTo(200);
        assertThat(webhook(payout, "{\"eventType\":\"payout.changed\",\"data\":{\"payoutId\":\"p1\"}}")
                        .statusCode())
                .isEqualTo(200);
        assertThat(webhook(
                                deposit,
                                "{\"createdAt\":\"2024-02-13T12:18:14.000000\",\"secret\":\"ps_x\",\"status\":\"DONE\","
                                        + "\"transactionKey\":\"t\",\"orderId\":\"" + UUID.randomUUID() + "\"}")
                        .statusCode())
                .isEqualTo(200);

        assertThat(List.of(processed(unknownKey), processed(unknownOrder), processed(payout), processed(deposit)))
                .containsOnly("IGNORED");
        assertThat(receipt(deposit, "event_type")).isEqualTo("DEPOSIT_CALLBACK");
        assertThat(receipt(payout, "event_type")).isEqualTo("OTHER");
    }

    @Test
    void aLookUpThatFailsIsRetriedUntilThePgAnswersOrGivenUp() throws Exception {
        Unresolved recovers = unknownPayment(8800);
        Unresolved neverFound = unknownPayment(9900);
        hideFromThePg(recovers.paymentKey());
        hideFromThePg(neverFound.paymentKey());
        String recoversId = "tx-" + UUID.randomUUID();
        String neverFoundId = "tx-" + UUID.randomUUID();

        webhook(recoversId, paymentStatusChanged(recovers.paymentKey(), recovers.payment(), "DONE", 8800));
        webhook(neverFoundId, paymentStatusChanged(neverFound.paymentKey(), neverFound.payment(), "DONE", 9900));
        await().atMost(PATIENCE).until(() -> receipt(recoversId, "result").contains("NOT_FOUND_PAYMENT"));
        assertThat(receipt(recoversId, "status")).isEqualTo("RECEIVED");
        update("UPDATE sim_payments SET payment_key = '" + recovers.paymentKey() + "' WHERE payment_key = 'hidden_"
                + recovers.paymentKey() + "'");

        assertThat(processed(recoversId)).isEqualTo("PROCESSED");
        assertThat(Integer.parseInt(receipt(recoversId, "attempts"))).isGreaterThanOrEqualTo(2);
        assertThat(status(recovers.payment())).isEqualTo("DONE");
        assertThat(processed(neverFoundId)).isEqualTo("FAILED");
        assertThat(receipt(neverFoundId, "attempts")).isEqualTo("4");
        assertThat(status(neverFound.payment())).isEqualTo("UNKNOWN");
        assertThat(count("SELECT count(*) FROM pg_webhook_receipts WHERE transmission_id LIKE 'sim-%'"))
                .as("an empty fluxpay.simulator.webhook-url sends nothing")
                .isZero();
    }

    private static void hideFromThePg(String paymentKey) throws Exception {
        update("UPDATE sim_payments SET payment_key = 'hidden_' || payment_key WHERE payment_key = '" + paymentKey
                + "'");
    }
}
