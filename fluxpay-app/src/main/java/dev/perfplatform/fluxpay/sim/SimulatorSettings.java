package dev.perfplatform.fluxpay.sim;

import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code fluxpay.simulator.*}: the simulated PG's delays, and its webhooks: where they go ({@code webhook-url}; unset:
 * this app's own {@code /webhooks/toss}; empty: none are sent), the waits before each re-send of one not answered 200
 * (Toss's 1, 4, 16, 64, 256, 1024 and 4096 minutes, with minutes read as seconds) and how long an answer may take.
 */
@ConfigurationProperties("fluxpay.simulator")
public record SimulatorSettings(
        @DefaultValue("2s") Duration slowDelay,
        @DefaultValue("40s") Duration timeoutDelay,
        @Nullable String webhookUrl,

        @DefaultValue({"1s", "4s", "16s", "64s", "256s", "1024s", "4096s"})
        List<Duration> webhookRetryDelays,

        @DefaultValue("10s") Duration webhookTimeout) {}
