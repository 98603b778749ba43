package dev.perfplatform.fluxpay.payment;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.perfplatform.fluxpay.order.Currency;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A payment as the merchant API shows it; amounts in the currency's minor unit. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Payment(
        UUID paymentId,
        UUID orderId,
        PaymentStatus status,
        long amount,
        Currency currency,
        long refundedAmount,
        @Nullable String paymentKey,
        @Nullable String checkoutUrl,
        @Nullable Failure failure,
        @Nullable Instant approvedAt,
        Instant createdAt,
        Instant updatedAt) {

    /** Why the PG refused it. */
    public record Failure(String code, String message) {}

    Payment withCheckoutUrl(@Nullable String url) {
        return new Payment(
                paymentId,
                orderId,
                status,
                amount,
                currency,
                refundedAmount,
                paymentKey,
                url,
                failure,
                approvedAt,
                createdAt,
                updatedAt);
    }
}
