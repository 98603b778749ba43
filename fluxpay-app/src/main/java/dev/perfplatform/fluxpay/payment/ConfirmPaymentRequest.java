package dev.perfplatform.fluxpay.payment;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** {@code POST /api/v1/payments/{id}/confirm}: the PG's paymentKey from checkout and the amount the payer saw. */
public record ConfirmPaymentRequest(
        @NotBlank @Size(max = 200) String paymentKey,
        @Min(1) long amount) {}
