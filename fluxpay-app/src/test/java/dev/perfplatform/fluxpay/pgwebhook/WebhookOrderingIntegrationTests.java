package dev.perfplatform.fluxpay.pgwebhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.perfplatform.fluxpay.payment.SagaBoundaries;
import dev.perfplatform.fluxpay.payment.SagaBoundary;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.TestPropertySource;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import tools.jackson.databind.JsonNode;

/**
 * Webhooks late, early, out of order and racing the confirm: the PG's looked-up state drives, a status never moves
 * backwards, and each change is made once.
 */
@TestPropertySource(
        properties = {
            "fluxpay.simulator.webhook-url=",
            "fluxpay.reconciler.enabled=false",
            "fluxpay.pg.toss.read-timeout=5s",
            "fluxpay.simulator.timeout-delay=5500ms",
            // long enough that a delivery following another waits for a fresh look-up, rather than taking the
            // answer of one that started before the change it announces
            "fluxpay.pg.webhooks.lookup-window=2s"
        })
class WebhookOrderingIntegrationTests extends PgWebhookTestBase {

    @Autowired
    ConfirmGate gate;

    @Test
    void aStaleDoneAfterACancelNeverMovesThePaymentBack() throws Exception {
        JsonNode paid = paidPayment(3000);
        refund(paid, 3000);
        assertThat(status(paid)).isEqualTo("CANCELED");
        String before = events(paid);
        String stale = "tx-" + UUID.randomUUID();

        webhook(stale, paymentStatusChanged(paid.get("paymentKey").asString(), paid, "DONE", 3000));

        assertThat(processed(stale)).isEqualTo("IGNORED");
        assertThat(status(paid)).isEqualTo("CANCELED");
        assertThat(events(paid)).isEqualTo(before);
    }

    @Test
    void aPartialCancelAnnouncedBeforeItsDoneChangesNothingTheEngineKnows() throws Exception {
        JsonNode paid = paidPayment(5000);
        refund(paid, 2000);
        String before = events(paid);
        String paymentKey = paid.get("paymentKey").asString();
        String partial = "tx-" + UUID.randomUUID();
        String done = "tx-" + UUID.randomUUID();

        webhook(partial, paymentStatusChanged(paymentKey, paid, "PARTIAL_CANCELED", 5000));
        assertThat(processed(partial)).isEqualTo("IGNORED");
        webhook(done, paymentStatusChanged(paymentKey, paid, "DONE", 5000));

        assertThat(processed(done)).isEqualTo("IGNORED");
        assertThat(status(paid)).isEqualTo("PARTIAL_CANCELED");
        assertThat(events(paid)).isEqualTo(before).endsWith("DONE>PARTIAL_CANCELED");
    }

    @Test
    void cancelsMadeOutsideTheEngineAreRecordedAsRefunds() throws Exception {
        Unresolved unresolved = unknownPayment(6000);
        JsonNode payment = unresolved.payment();
        String paymentKey = unresolved.paymentKey();
        update("UPDATE sim_payments SET balance_amount = 4000, status = 'PARTIAL_CANCELED' WHERE payment_key = '"
                + paymentKey + "'");
        String partial = "tx-" + UUID.randomUUID();
        String staleDone = "tx-" + UUID.randomUUID();
        String canceled = "tx-" + UUID.randomUUID();

        webhook(partial, paymentStatusChanged(paymentKey, payment, "PARTIAL_CANCELED", 6000));
        assertThat(processed(partial)).isEqualTo("PROCESSED");
        webhook(staleDone, paymentStatusChanged(paymentKey, payment, "DONE", 6000));
        assertThat(processed(staleDone)).isEqualTo("IGNORED");
        assertThat(status(payment)).isEqualTo("PARTIAL_CANCELED");

        update("UPDATE sim_payments SET balance_amount = 0, status = 'CANCELED' WHERE payment_key = '" + paymentKey
                + "'");
        webhook(
                canceled,
                "{\"eventType\":\"CANCEL_STATUS_CHANGED\",\"createdAt\":\"2024-02-13T12:20:00.000000\",\"data\":{"
                        + "\"paymentKey\":\"" + paymentKey + "\",\"transactionKey\":\"t2\",\"cancelAmount\":4000,"
                        + "\"cancelStatus\":\"DONE\"}}");

        assertThat(processed(canceled)).isEqualTo("PROCESSED");
        assertThat(status(payment)).isEqualTo("CANCELED");
        assertThat(events(payment))
                .isEqualTo("null>READY,READY>IN_PROGRESS,IN_PROGRESS>UNKNOWN,UNKNOWN>DONE,DONE>PARTIAL_CANCELED,"
                        + "PARTIAL_CANCELED>CANCELED");
        assertThat(text("SELECT data->>'pgCanceledAmount' FROM payment_events WHERE to_status = 'PARTIAL_CANCELED'"
                        + " AND payment_id = '" + paymentId(payment) + "'"))
                .isEqualTo("2000");
        assertThat(count("SELECT refunded_amount FROM payments WHERE id = '" + paymentId(payment) + "'"))
                .isEqualTo(6000);
        assertThat(text("SELECT string_agg(status || ' ' || amount, ',' ORDER BY amount) FROM refunds"
                        + " WHERE payment_id = '" + paymentId(payment) + "'"))
                .isEqualTo("SUCCEEDED 2000,SUCCEEDED 4000");
        assertThat(management("/actuator/prometheus").body()).contains("fluxpay_payments_canceled_outside_total 2.0");
    }

    @Test
    void aWebhookArrivingBeforeTheConfirmAnswerMakesTheOnlyDoneTransition() throws Exception {
        JsonNode payment = createPayment(4200);
        String paymentKey = checkout(payment, "APPROVE");
        gate.hold();
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<HttpResponse<String>> confirming = pool.submit(() -> confirm(payment, paymentKey, 4200));
            await().atMost(PATIENCE).untilTrue(gate.reached);
            String early = "tx-" + UUID.randomUUID();

            webhook(early, paymentStatusChanged(paymentKey, payment, "DONE", 4200));
            assertThat(processed(early)).isEqualTo("PROCESSED");
            gate.release();
            HttpResponse<String> confirmed = confirming.get();

            assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(200);
            assertThat(body(confirmed).get("data").get("status").asString()).isEqualTo("DONE");
            assertThat(events(payment)).isEqualTo("null>READY,READY>IN_PROGRESS,IN_PROGRESS>DONE");
            assertThat(text("SELECT cause FROM payment_events WHERE to_status = 'DONE' AND payment_id = '"
                            + paymentId(payment) + "'"))
                    .contains("webhook " + early);
        } finally {
            gate.release();
            pool.shutdownNow();
        }
    }

    @Test
    void webhooksRacingTheirConfirmsLeaveOneDoneTransitionEach() throws Exception {
        List<JsonNode> payments = new ArrayList<>();
        List<Callable<HttpResponse<String>>> calls = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            JsonNode payment = createPayment(1000 + i);
            String paymentKey = checkout(payment, "APPROVE");
            long amount = 1000 + i;
            payments.add(payment);
            calls.add(() -> confirm(payment, paymentKey, amount));
            for (int delivery = 0; delivery < 2; delivery++) {
                calls.add(() ->
                        webhook("tx-" + UUID.randomUUID(), paymentStatusChanged(paymentKey, payment, "DONE", amount)));
            }
        }

        ExecutorService pool = Executors.newFixedThreadPool(12);
        List<Integer> answers = new ArrayList<>();
        try {
            for (Future<HttpResponse<String>> answer : pool.invokeAll(calls)) {
                answers.add(answer.get().statusCode());
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(answers).containsOnly(200);
        await().atMost(PATIENCE)
                .until(() -> count("SELECT count(*) FROM pg_webhook_receipts WHERE status = 'RECEIVED'") == 0);
        for (JsonNode payment : payments) {
            assertThat(status(payment)).isEqualTo("DONE");
            assertThat(events(payment)).isEqualTo("null>READY,READY>IN_PROGRESS,IN_PROGRESS>DONE");
        }
    }

    private void refund(JsonNode payment, long amount) throws Exception {
        HttpResponse<String> refunded = post(
                "/api/v1/refunds",
                "{\"paymentId\":\"" + paymentId(payment) + "\",\"amount\":" + amount + ",\"reason\":\"test\"}");
        assertThat(refunded.statusCode()).as(refunded.body()).isEqualTo(201);
    }

    /** Holds confirms after the PG answered, before the outcome commits, while a test wants it. */
    static final class ConfirmGate implements SagaBoundaries {

        final AtomicBoolean reached = new AtomicBoolean();
        private volatile Sinks.@Nullable Empty<Void> held;

        @Override
        public Mono<Void> pass(SagaBoundary boundary) {
            Sinks.Empty<Void> current = held;
            if (current == null || boundary != SagaBoundary.AFTER_PG_CALL) {
                return Mono.empty();
            }
            reached.set(true);
            return current.asMono();
        }

        void hold() {
            reached.set(false);
            held = Sinks.empty();
        }

        void release() {
            Sinks.Empty<Void> current = held;
            held = null;
            if (current != null) {
                current.tryEmitEmpty();
            }
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Gate {

        @Bean
        ConfirmGate sagaBoundaries() {
            return new ConfirmGate();
        }
    }
}
