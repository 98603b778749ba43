package dev.perfplatform.fluxpay.admin;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.perfplatform.fluxpay.merchant.MerchantDetails;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Credentials as shown once, when created or rotated: the API key and the webhook signing secret, and until when the
 * previous one stays valid. The engine keeps only the key's hash, so this answer is the only place it ever appears.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Credentials(
        MerchantDetails merchant,
        @Nullable String apiKey,
        @Nullable String webhookSecret,
        @Nullable Instant previousValidUntil) {}
