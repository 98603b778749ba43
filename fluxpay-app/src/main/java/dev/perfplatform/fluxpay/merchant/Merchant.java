package dev.perfplatform.fluxpay.merchant;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A merchant of the engine, as its API key authenticates it. */
public record Merchant(UUID id, String name, @Nullable String webhookUrl) {}
