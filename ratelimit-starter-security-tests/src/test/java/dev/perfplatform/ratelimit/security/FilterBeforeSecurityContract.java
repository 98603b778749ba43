package dev.perfplatform.ratelimit.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * The filter order is the user's choice: placed before Spring Security ({@code ratelimit.filter-order} below -100),
 * the limiter counts unauthenticated requests too, by client address.
 */
@TestPropertySource(
        properties = {
            "ratelimit.engine=memory",
            "ratelimit.filter-order=-101",
            "ratelimit.policies.per-user.paths=/api/**",
            "ratelimit.policies.per-user.key=user",
            "ratelimit.policies.per-user.limits[0].algorithm=fixed-window",
            "ratelimit.policies.per-user.limits[0].limit=2",
            "ratelimit.policies.per-user.limits[0].window=1h"
        })
public abstract class FilterBeforeSecurityContract extends SecuredApplicationTestBase {

    @Test
    void unauthenticatedRequestsAreCountedByAddressBeforeSecurityRejectsThem() throws Exception {
        assertThat(get("/api/hello").statusCode()).isEqualTo(401);
        assertThat(get("/api/hello").statusCode()).isEqualTo(401);

        assertThat(get("/api/hello").statusCode()).isEqualTo(429);
    }
}
