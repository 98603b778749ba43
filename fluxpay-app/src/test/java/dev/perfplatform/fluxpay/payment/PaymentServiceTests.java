package dev.perfplatform.fluxpay.payment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.perfplatform.fluxpay.api.ApiException;
import dev.perfplatform.fluxpay.api.ErrorCode;
import dev.perfplatform.fluxpay.order.Currency;
import dev.perfplatform.fluxpay.order.OrderStatus;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PaymentServiceTests {

    private static final Payment READY = new Payment(
            UUID.randomUUID(),
            UUID.randomUUID(),
            PaymentStatus.READY,
            9900,
            Currency.KRW,
            0,
            null,
            null,
            null,
            null,
            Instant.EPOCH,
            Instant.EPOCH);

    @Test
    void aConfirmForThePaymentsAmountOfAPendingOrderMayStart() {
        assertThat(PaymentService.refusalToStart(READY, OrderStatus.PENDING, confirm(9900)))
                .isNull();
    }

    @Test
    void anotherAmountIsRefusedWithPay002() {
        ApiException refusal = PaymentService.refusalToStart(READY, OrderStatus.PENDING, confirm(9901));

        assertThat(refusal).isNotNull();
        assertThat(refusal.code()).isEqualTo(ErrorCode.PAY_002);
    }

    @ParameterizedTest
    @EnumSource(value = OrderStatus.class, mode = EnumSource.Mode.EXCLUDE, names = "PENDING")
    void anOrderNoLongerPendingIsRefusedWithOrd002(OrderStatus status) {
        ApiException refusal = PaymentService.refusalToStart(READY, status, confirm(9900));

        assertThat(refusal).isNotNull();
        assertThat(refusal.code()).isEqualTo(ErrorCode.ORD_002);
        assertThat(refusal.getMessage()).isEqualTo("Order is " + status + ", not payable");
    }

    @Test
    void theAmountIsJudgedBeforeTheOrder() {
        ApiException refusal = PaymentService.refusalToStart(READY, OrderStatus.CANCELED, confirm(1));

        assertThat(refusal).isNotNull();
        assertThat(refusal.code()).isEqualTo(ErrorCode.PAY_002);
    }

    private static ConfirmPaymentRequest confirm(long amount) {
        return new ConfirmPaymentRequest("pk_test", amount);
    }
}
