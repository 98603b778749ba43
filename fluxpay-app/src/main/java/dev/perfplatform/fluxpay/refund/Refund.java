package dev.perfplatform.fluxpay.refund;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.perfplatform.fluxpay.order.Currency;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A refund as the merchant API shows it; the amount in the currency's minor unit. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Refund(
        UUID refundId,
        UUID paymentId,
        RefundStatus status,
        long amount,
        Currency currency,
        String reason,
        @Nullable String failureMessage,
        Instant createdAt,
        @Nullable Instant completedAt) {}
