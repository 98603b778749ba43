package dev.perfplatform.fluxpay.sim;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** {@code fluxpay.simulator.*}: the simulated PG's delays. */
@ConfigurationProperties("fluxpay.simulator")
public record SimulatorSettings(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("2s") Duration slowDelay,
        @DefaultValue("40s") Duration timeoutDelay) {}
