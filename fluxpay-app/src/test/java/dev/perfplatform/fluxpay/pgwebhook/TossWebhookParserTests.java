package dev.perfplatform.fluxpay.pgwebhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.perfplatform.fluxpay.pgwebhook.TossWebhook.Type;
import dev.perfplatform.fluxpay.pgwebhook.TossWebhookParser.MalformedWebhookException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

/** The TossPayments webhook shapes of its "webhook events" reference page, and what is not one of them. */
class TossWebhookParserTests {

    private final TossWebhookParser parser =
            new TossWebhookParser(JsonMapper.builder().build());

    @Test
    void readsAPaymentStatusChangedWithItsPaymentObject() {
        TossWebhook webhook = parser.parse("""
                {"eventType":"PAYMENT_STATUS_CHANGED","createdAt":"2022-01-01T00:00:00.000000",
                 "data":{"mId":"tosspayments","lastTransactionKey":"9C62B18EEF0DE3EB7F4422EB6D14BC6E",
                         "paymentKey":"5EnNZRJGvaBX7zk2yd8ydw26XvwXkLrx9POLqKQjmAw4b0e1","orderId":"a4CWyWY5m89PNh7xJwhk1",
                         "status":"DONE","totalAmount":15000,"balanceAmount":15000,"secret":"ps_Z1aOwX7K8mYpalw",
                         "cancels":null,"card":{"approveNo":"00000000"},"unknownField":[1,2,3]}}""");

        assertThat(webhook)
                .isEqualTo(new TossWebhook(
                        Type.PAYMENT_STATUS_CHANGED,
                        "5EnNZRJGvaBX7zk2yd8ydw26XvwXkLrx9POLqKQjmAw4b0e1",
                        "a4CWyWY5m89PNh7xJwhk1",
                        "DONE",
                        "ps_Z1aOwX7K8mYpalw"));
    }

    @Test
    void readsACancelStatusChangedWithOrWithoutThePaymentsIds() {
        TossWebhook withIds = parser.parse("""
                {"eventType":"CANCEL_STATUS_CHANGED","createdAt":"2024-02-13T12:20:23.000000",
                 "data":{"paymentKey":"pk_1","orderId":"order-000001","transactionKey":"txk_1","cancelAmount":1000,
                         "cancelStatus":"DONE"}}""");
        TossWebhook cancelOnly = parser.parse("""
                {"eventType":"CANCEL_STATUS_CHANGED","createdAt":"2024-02-13T12:20:23.000000",
                 "data":{"transactionKey":"txk_1","cancelReason":"고객 변심","cancelAmount":1000,"cancelStatus":"DONE"}}""");

        assertThat(withIds).isEqualTo(new TossWebhook(Type.CANCEL_STATUS_CHANGED, "pk_1", "order-000001", null, null));
        assertThat(cancelOnly).isEqualTo(new TossWebhook(Type.CANCEL_STATUS_CHANGED, null, null, null, null));
        assertThat(cancelOnly.namesPayment()).isFalse();
    }

    @Test
    void readsTheFlatDepositCallback() {
        TossWebhook webhook = parser.parse("""
                {"createdAt":"2022-01-01T00:00:00.000000","secret":"ps_Z1aOwX7K8mYpalw",
                 "status":"DONE","transactionKey":"9FF15E1A29D0E77C218F57262BFA4986","orderId":"order-123456"}""");

        assertThat(webhook)
                .isEqualTo(new TossWebhook(Type.DEPOSIT_CALLBACK, null, "order-123456", "DONE", "ps_Z1aOwX7K8mYpalw"));
    }

    @Test
    void aPaymentObjectWithoutASecretHasNone() {
        TossWebhook card = parser.parse("""
                {"eventType":"PAYMENT_STATUS_CHANGED","data":{"paymentKey":"pk","status":"DONE","secret":null}}""");

        assertThat(card.secret()).isNull();
    }

    @Test
    void otherEventTypesAreReadAsOther() {
        assertThat(parser.parse("{\"eventType\":\"payout.changed\",\"createdAt\":\"x\",\"data\":{\"id\":\"p\"}}")
                        .type())
                .isEqualTo(Type.OTHER);
        assertThat(parser.parse("{\"eventType\":\"METHOD_UPDATED\",\"data\":null}")
                        .type())
                .isEqualTo(Type.OTHER);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "   ",
                "not json",
                "[]",
                "null",
                "42",
                "{}",
                "{\"eventType\":7,\"data\":{\"paymentKey\":\"pk\"}}",
                "{\"eventType\":\"\",\"data\":{\"paymentKey\":\"pk\"}}",
                "{\"eventType\":\"PAYMENT_STATUS_CHANGED\"}",
                "{\"eventType\":\"PAYMENT_STATUS_CHANGED\",\"data\":\"pk\"}",
                "{\"eventType\":\"PAYMENT_STATUS_CHANGED\",\"data\":{\"status\":\"DONE\"}}",
                "{\"eventType\":\"PAYMENT_STATUS_CHANGED\",\"data\":{\"paymentKey\":42}}",
                "{\"eventType\":\"PAYMENT_STATUS_CHANGED\",\"data\":{\"paymentKey\":\"\"}}",
                "{\"eventType\":\"CANCEL_STATUS_CHANGED\",\"data\":[]}",
                "{\"createdAt\":\"x\",\"status\":\"DONE\",\"orderId\":\"o-123456\"}",
                "{\"secret\":\"s\",\"status\":\"DONE\"}",
                "{\"secret\":\"\",\"status\":\"DONE\",\"orderId\":\"o-123456\"}",
                "{\"secret\":7,\"status\":\"DONE\",\"orderId\":\"o-123456\"}",
                "{\"eventType\":\"PAYMENT_STATUS_CHANGED\",\"data\":{\"paymentKey\":\"pk\",\"secret\":{}}}",
                "{\"eventType\":\"PAYMENT_STATUS_CHANGED\",\"data\":{\"paymentKey\":\"pk\"}"
            })
    void anythingElseIsMalformed(String body) {
        assertThatThrownBy(() -> parser.parse(body)).isInstanceOf(MalformedWebhookException.class);
    }

    @Test
    void idsBeyondTossLimitsAreMalformed() {
        String longKey = "k".repeat(201);
        String longOrder = "o".repeat(65);

        assertThatThrownBy(() -> parser.parse(
                        "{\"eventType\":\"PAYMENT_STATUS_CHANGED\",\"data\":{\"paymentKey\":\"" + longKey + "\"}}"))
                .isInstanceOf(MalformedWebhookException.class)
                .hasMessageContaining("paymentKey");
        assertThatThrownBy(
                        () -> parser.parse("{\"secret\":\"s\",\"status\":\"DONE\",\"orderId\":\"" + longOrder + "\"}"))
                .isInstanceOf(MalformedWebhookException.class)
                .hasMessageContaining("orderId");
        assertThat(parser.parse("{\"eventType\":\"PAYMENT_STATUS_CHANGED\",\"data\":{\"paymentKey\":\""
                                + "k".repeat(200) + "\"}}")
                        .paymentKey())
                .hasSize(200);
    }
}
