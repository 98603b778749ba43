package dev.perfplatform.fluxpay.admin;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** {@code POST /admin/v1/merchants}: the merchant's name and, optionally, where its webhooks go. */
public record CreateMerchantRequest(
        @NotBlank @Size(max = 100) String name,
        @Nullable @Size(max = 2000) String webhookUrl) {}
