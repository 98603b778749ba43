package dev.perfplatform.ratelimit.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * What the starter must do behind Spring Security on either web stack. The applications secure {@code /api/**} with
 * HTTP Basic, permit {@code /public/**}, and allow CORS from {@value #ORIGIN}.
 */
@TestPropertySource(
        properties = {
            "ratelimit.engine=memory",
            "ratelimit.policies.per-user.paths=/api/**",
            "ratelimit.policies.per-user.key=user",
            "ratelimit.policies.per-user.limits[0].algorithm=fixed-window",
            "ratelimit.policies.per-user.limits[0].limit=2",
            "ratelimit.policies.per-user.limits[0].window=1h",
            "ratelimit.policies.user-or-ip.paths=/public/ip/**",
            "ratelimit.policies.user-or-ip.key=user",
            "ratelimit.policies.user-or-ip.limits[0].algorithm=fixed-window",
            "ratelimit.policies.user-or-ip.limits[0].limit=1",
            "ratelimit.policies.user-or-ip.limits[0].window=1h",
            "ratelimit.policies.users-only.paths=/public/users-only/**",
            "ratelimit.policies.users-only.key=user",
            "ratelimit.policies.users-only.user-fallback-to-ip=false",
            "ratelimit.policies.users-only.limits[0].algorithm=fixed-window",
            "ratelimit.policies.users-only.limits[0].limit=1",
            "ratelimit.policies.users-only.limits[0].window=1h"
        })
public abstract class SecuredApplicationContract extends SecuredApplicationTestBase {

    @Test
    void theUserKeyGivesEachAuthenticatedUserTheirOwnBudget() throws Exception {
        assertThat(get("/api/hello", "Authorization", basic("alice")).statusCode())
                .isEqualTo(200);
        assertThat(get("/api/hello", "Authorization", basic("alice")).statusCode())
                .isEqualTo(200);
        assertThat(get("/api/hello", "Authorization", basic("alice")).statusCode())
                .isEqualTo(429);

        HttpResponse<String> bob = get("/api/hello", "Authorization", basic("bob"));
        assertThat(bob.statusCode()).isEqualTo(200);
        assertThat(bob.body()).isEqualTo("hello bob");
        assertThat(bob.headers().firstValue("RateLimit").orElseThrow()).startsWith("\"per-user\";r=1;");
    }

    @Test
    void aDeniedCrossOriginRequestStillCarriesTheCorsHeaders() throws Exception {
        get("/api/hello", "Authorization", basic("carol"), "Origin", ORIGIN);
        get("/api/hello", "Authorization", basic("carol"), "Origin", ORIGIN);

        HttpResponse<String> denied = get("/api/hello", "Authorization", basic("carol"), "Origin", ORIGIN);

        assertThat(denied.statusCode()).isEqualTo(429);
        assertThat(denied.headers().firstValue("Access-Control-Allow-Origin")).hasValue(ORIGIN);
        assertThat(denied.headers().firstValue("Retry-After")).isPresent();
    }

    @Test
    void securityRejectsUnauthenticatedRequestsBeforeTheLimiterCounts() throws Exception {
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> rejected = get("/api/hello");
            assertThat(rejected.statusCode()).isEqualTo(401);
            assertThat(rejected.headers().firstValue("RateLimit")).isEmpty();
        }
    }

    @Test
    void withoutAPrincipalTheUserKeyFallsBackToTheClientAddress() throws Exception {
        assertThat(get("/public/ip/hello").statusCode()).isEqualTo(200);
        assertThat(get("/public/ip/hello").statusCode()).isEqualTo(429);

        assertThat(get("/public/ip/hello", "Authorization", basic("alice")).statusCode())
                .as("an authenticated user has a budget of their own")
                .isEqualTo(200);
    }

    @Test
    void withTheFallbackOffAnonymousRequestsSkipThePolicy() throws Exception {
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> anonymous = get("/public/users-only/hello");
            assertThat(anonymous.statusCode()).isEqualTo(200);
            assertThat(anonymous.headers().firstValue("RateLimit")).isEmpty();
        }

        assertThat(get("/public/users-only/hello", "Authorization", basic("dave"))
                        .statusCode())
                .isEqualTo(200);
        assertThat(get("/public/users-only/hello", "Authorization", basic("dave"))
                        .statusCode())
                .isEqualTo(429);
    }
}
