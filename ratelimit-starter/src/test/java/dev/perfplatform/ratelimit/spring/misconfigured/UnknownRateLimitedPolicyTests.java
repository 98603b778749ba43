package dev.perfplatform.ratelimit.spring.misconfigured;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.perfplatform.ratelimit.spring.RateLimited;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

class UnknownRateLimitedPolicyTests {

    @Test
    void anAnnotationNamingAMissingPolicyFailsStartUp() {
        SpringApplicationBuilder app = new SpringApplicationBuilder(Misconfigured.class)
                .web(WebApplicationType.REACTIVE)
                .properties("server.port=0", "ratelimit.engine=memory");

        assertThatThrownBy(app::run)
                .rootCause()
                .hasMessageContaining("@RateLimited on")
                .hasMessageContaining("no policy named 'missing' in ratelimit.policies");
    }

    /** Kept out of the other test applications' packages, so no component scan finds it. */
    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    @Import(Misconfigured.Endpoint.class)
    static class Misconfigured {
        @RestController
        static class Endpoint {
            @GetMapping("/x")
            @RateLimited("missing")
            String x() {
                return "x";
            }
        }
    }
}
