package dev.perfplatform.fluxpay.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.perfplatform.fluxpay.FluxPayApplicationTestBase;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.JsonNode;

/**
 * The saga's compensation: a charge the PG took that the engine cannot keep is cancelled in full at the PG with a
 * deterministic key, exactly once, and the payment ends CANCELED. The races are made deterministic with the saga's
 * boundary hook: the order is canceled through the API at the moment the confirm is about to reach the PG.
 */
@TestPropertySource(
        properties = {
            "fluxpay.pg.toss.read-timeout=1s",
            "fluxpay.simulator.timeout-delay=3s",
            "fluxpay.reconciler.interval=200ms",
            "fluxpay.reconciler.backoff=300ms,600ms",
            "fluxpay.reconciler.in-progress-grace=5s"
        })
@Import(CompensationIntegrationTests.Hooks.class)
class CompensationIntegrationTests extends FluxPayApplicationTestBase {

    private static final Duration PATIENCE = Duration.ofSeconds(20);
    /** The order to cancel when a confirm reaches the PG call, if any. */
    private static final AtomicReference<String> cancelOrderBeforePgCall = new AtomicReference<>("");
    /** How many compensations to interrupt before their PG cancel. */
    private static final AtomicInteger interruptCompensations = new AtomicInteger();

    /** The running test, whose HTTP helpers the hook uses. */
    private static CompensationIntegrationTests current;

    @BeforeEach
    void remember() {
        current = this;
    }

    @AfterEach
    void disarm() {
        cancelOrderBeforePgCall.set("");
        interruptCompensations.set(0);
    }

    @Test
    void anOrderCanceledWhileTheConfirmIsInFlightGetsItsChargeCancelled() throws Exception {
        JsonNode payment = createPayment(8800);
        String orderId = payment.get("orderId").asString();
        String paymentKey = checkout(payment, "APPROVE");
        cancelOrderBeforePgCall.set(orderId);
        String key = UUID.randomUUID().toString();

        HttpResponse<String> confirmed = confirm(payment, paymentKey, 8800, key);

        assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(409);
        assertThat(body(confirmed).get("error").get("code").asString()).isEqualTo("PAY_012");
        assertCompensated(payment, "ORDER_NOT_PENDING", 8800);
        assertThat(text("SELECT status FROM orders WHERE id = '" + orderId + "'"))
                .isEqualTo("CANCELED");
        HttpResponse<String> replayed = confirm(payment, paymentKey, 8800, key);
        assertThat(replayed.body()).isEqualTo(confirmed.body());
        assertThat(replayed.headers().firstValue("Idempotent-Replayed")).hasValue("true");
    }

    @Test
    void aPgApprovalOfAnotherAmountIsCancelledAndTheOrderStaysUnpaid() throws Exception {
        JsonNode payment = createPayment(9900);
        String paymentKey = checkout(payment, "TIMEOUT_AFTER_COMMIT");
        assertThat(confirm(payment, paymentKey, 9900).statusCode()).isEqualTo(202);
        // a misbehaving PG: it holds more than it was asked to approve
        update("UPDATE sim_payments SET amount = 10400, balance_amount = 10400 WHERE payment_key = '" + paymentKey
                + "'");

        await().atMost(PATIENCE)
                .untilAsserted(
                        () -> assertThat(text("SELECT status FROM payments WHERE id = '" + paymentId(payment) + "'"))
                                .isEqualTo("CANCELED"));

        assertCompensated(payment, "AMOUNT_MISMATCH", 10400);
        assertThat(text("SELECT status FROM orders WHERE id = '"
                        + payment.get("orderId").asString() + "'"))
                .isEqualTo("PENDING");
    }

    @Test
    void anInterruptedCompensationIsFinishedByTheReconcilerWithOneCancel() throws Exception {
        JsonNode payment = createPayment(5500);
        String paymentKey = checkout(payment, "APPROVE");
        cancelOrderBeforePgCall.set(payment.get("orderId").asString());
        interruptCompensations.set(1);

        HttpResponse<String> confirmed = confirm(payment, paymentKey, 5500);
        assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(409);

        await().atMost(PATIENCE)
                .untilAsserted(
                        () -> assertThat(text("SELECT status FROM payments WHERE id = '" + paymentId(payment) + "'"))
                                .isEqualTo("CANCELED"));
        assertCompensated(payment, "ORDER_NOT_PENDING", 5500);
    }

    @Test
    void aCanceledOrderCannotBeConfirmedAndThePgIsNotCalled() throws Exception {
        JsonNode payment = createPayment(4400);
        String paymentKey = checkout(payment, "APPROVE");
        assertThat(post("/api/v1/orders/" + payment.get("orderId").asString() + "/cancel", "")
                        .statusCode())
                .isEqualTo(200);

        HttpResponse<String> confirmed = confirm(payment, paymentKey, 4400);

        assertThat(confirmed.statusCode()).isEqualTo(409);
        assertThat(body(confirmed).get("error").get("code").asString()).isEqualTo("ORD_002");
        assertThat(text("SELECT confirm_count FROM sim_payments WHERE payment_key = '" + paymentKey + "'"))
                .isEqualTo("0");
        assertThat(text("SELECT status FROM payments WHERE id = '" + paymentId(payment) + "'"))
                .isEqualTo("READY");
    }

    private void assertCompensated(JsonNode payment, String reason, long pgAmount) throws Exception {
        String id = paymentId(payment);
        JsonNode shown =
                body(send("GET", "/api/v1/payments/" + id, MERCHANT_KEY, "")).get("data");
        assertThat(shown.get("status").asString()).isEqualTo("CANCELED");
        assertThat(shown.get("refundedAmount").asLong())
                .isEqualTo(payment.get("amount").asLong());
        assertThat(shown.get("failure").get("code").asString()).isEqualTo(reason);
        String paymentKey = shown.get("paymentKey").asString();
        assertThat(text("SELECT status || ' ' || balance_amount FROM sim_payments WHERE payment_key = '" + paymentKey
                        + "'"))
                .isEqualTo("CANCELED 0");
        assertThat(count("SELECT count(*) FROM sim_idempotency WHERE scope = 'compensate-" + id + " POST /v1/payments/"
                        + paymentKey + "/cancel'"))
                .isEqualTo(1);
        assertThat(text("SELECT confirm_count FROM sim_payments WHERE payment_key = '" + paymentKey + "'"))
                .isEqualTo("1");
        assertThat(text("SELECT string_agg(from_status || '>' || to_status, ',' ORDER BY seq) FROM payment_events"
                        + " WHERE payment_id = '" + id + "' AND from_status IS NOT NULL"))
                .endsWith(">DONE,DONE>CANCELED");
        assertThat(text("SELECT data->>'pgAmount' FROM payment_events WHERE payment_id = '" + id
                        + "' AND to_status = 'CANCELED'"))
                .isEqualTo(String.valueOf(pgAmount));
    }

    /** The boundary hook: cancels an armed order before the PG call; interrupts armed compensations. */
    @TestConfiguration
    static class Hooks {

        @Bean
        SagaBoundaries sagaBoundaries() {
            return boundary -> {
                if (boundary.equals(SagaBoundary.BEFORE_PG_CALL)) {
                    String orderId = cancelOrderBeforePgCall.getAndSet("");
                    return orderId.isEmpty()
                            ? Mono.empty()
                            : Mono.fromCallable(() -> current.post("/api/v1/orders/" + orderId + "/cancel", ""))
                                    .subscribeOn(Schedulers.boundedElastic())
                                    .doOnNext(canceled -> assertThat(canceled.statusCode())
                                            .as(canceled.body())
                                            .isEqualTo(200))
                                    .then();
                }
                if (boundary.equals(SagaBoundary.BEFORE_COMPENSATION)
                        && interruptCompensations.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
                    return Mono.error(new IllegalStateException("compensation interrupted by the test"));
                }
                return Mono.empty();
            };
        }
    }
}
