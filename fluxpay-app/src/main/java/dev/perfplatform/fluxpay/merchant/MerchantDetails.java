package dev.perfplatform.fluxpay.merchant;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A merchant as the admin API shows it: never a credential. */
public record MerchantDetails(
        UUID merchantId, String name, @Nullable String webhookUrl, boolean webhookDisabled, Instant createdAt) {}
