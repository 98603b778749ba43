package dev.perfplatform.fluxpay.payment;

import dev.perfplatform.fluxpay.order.Currency;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.UUID;

/** {@code POST /api/v1/payments}: must match the order's total and currency. */
public record CreatePaymentRequest(
        @NotNull UUID orderId,
        @Min(1) @Max(1_000_000_000_000L) long amount,
        @NotNull Currency currency) {}
