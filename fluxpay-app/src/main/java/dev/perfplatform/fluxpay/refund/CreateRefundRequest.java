package dev.perfplatform.fluxpay.refund;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/** {@code POST /api/v1/refunds}: part or all of what is left to refund on a done payment. */
public record CreateRefundRequest(
        @NotNull UUID paymentId,
        @Min(1) @Max(1_000_000_000_000L) long amount,
        @NotBlank @Size(max = 200) String reason) {}
