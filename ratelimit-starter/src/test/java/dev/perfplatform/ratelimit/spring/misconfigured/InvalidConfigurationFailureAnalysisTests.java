package dev.perfplatform.ratelimit.spring.misconfigured;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;

@ExtendWith(OutputCaptureExtension.class)
class InvalidConfigurationFailureAnalysisTests {

    @Test
    void aBadPropertyReadsAsBootsFailureAnalysis(CapturedOutput output) {
        SpringApplicationBuilder app = new SpringApplicationBuilder(Plain.class)
                .web(WebApplicationType.NONE)
                .properties(
                        "ratelimit.engine=memory",
                        "ratelimit.policies.api.limits[0].algorithm=leaky-bucket",
                        "ratelimit.policies.api.limits[0].limit=1",
                        "ratelimit.policies.api.limits[0].window=1s");

        assertThatThrownBy(app::run)
                .rootCause()
                .hasMessageStartingWith("ratelimit.policies.api.limits[0].algorithm: unknown algorithm");
        assertThat(output)
                .contains("APPLICATION FAILED TO START")
                .contains("Description:")
                .contains("The rate limiter's configuration is invalid: ratelimit.policies.api.limits[0].algorithm:"
                        + " unknown algorithm 'leaky-bucket'")
                .contains("Action:")
                .contains("Correct 'ratelimit.policies.api.limits[0].algorithm' in the application's configuration.");
    }

    /** Kept out of the other test applications' packages, so no component scan finds it. */
    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    static class Plain {}
}
