package dev.perfplatform.moalog.limits;

import static org.assertj.core.api.Assertions.assertThat;

import dev.perfplatform.moalog.Browser;
import dev.perfplatform.moalog.MoalogApplicationTestBase;
import dev.perfplatform.testing.http.RawHttpClient;
import dev.perfplatform.testing.redis.RedisServerProcess;
import dev.perfplatform.testing.resp.RespClient;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * moalog's own policies, as application.yaml sets them, with their state in a real Redis (REDIS_URL): every API call per
 * client address (the tests' proxy trusted, so each test speaks for an address of its own), AI analyses and guides
 * per member; each 429 in moalog's envelope with Retry-After, the IETF headers and the CORS headers a browser needs
 * to read them; preflights and /health never counted. Then the Redis process is killed: the per-address budget lets
 * calls through rather than refuse everyone, and the members' AI budgets hold, kept locally.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@TestPropertySource(
        properties = {
            "ratelimit.client-ip.trusted-proxies=127.0.0.1/32",
            "ratelimit.policies.api.limits[0].algorithm=sliding-window",
            "ratelimit.policies.api.limits[0].limit=100",
            "ratelimit.policies.api.limits[0].window=1m",
            "ratelimit.policies.ai-analysis.limits[0].algorithm=token-bucket",
            "ratelimit.policies.ai-analysis.limits[0].limit=5",
            "ratelimit.policies.ai-analysis.limits[0].window=1m",
            "ratelimit.policies.ai-analysis.limits[0].burst=3",
            "ratelimit.policies.ai-guide.limits[0].algorithm=token-bucket",
            "ratelimit.policies.ai-guide.limits[0].limit=10",
            "ratelimit.policies.ai-guide.limits[0].window=1m"
        })
class RateLimitIntegrationTests extends MoalogApplicationTestBase {

    private static final RedisServerProcess REDIS = RedisServerProcess.standalone();

    @DynamicPropertySource
    static void redis(DynamicPropertyRegistry registry) {
        registry.add("ratelimit.redis.url", REDIS::uri);
    }

    @AfterAll
    static void stopRedis() {
        REDIS.close();
    }

    @Test
    @Order(1)
    void everyAddressHasAHundredCallsAMinuteAndThe429IsAnEnvelopeABrowserCanRead() {
        Browser member = member("busy");
        String token = member.cookie("access_token");
        RawHttpClient raw = new RawHttpClient(base());
        Map<String, String> fromBusyAddress =
                Map.of("Authorization", "Bearer " + token, "X-Forwarded-For", "203.0.113.7", "Origin", Browser.ORIGIN);
        for (int i = 0; i < 100; i++) {
            assertThat(raw.send("GET", "/api/v1/members/me", fromBusyAddress, "")
                            .statusCode())
                    .as("call %d", i + 1)
                    .isEqualTo(200);
        }

        HttpResponse<String> refused = raw.send("GET", "/api/v1/members/me", fromBusyAddress, "");

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(body(refused).path("code").asString()).isEqualTo("RATE4291");
        assertThat(body(refused).path("isSuccess").asBoolean()).isFalse();
        assertThat(refused.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        assertThat(refused.headers().firstValue("RateLimit-Policy"))
                .hasValueSatisfying(policy -> assertThat(policy).contains("q=100"));
        assertThat(refused.headers().firstValue("RateLimit")).isPresent();
        assertThat(refused.headers().firstValue("Access-Control-Allow-Origin")).hasValue(Browser.ORIGIN);
        assertThat(refused.headers().firstValue("Access-Control-Expose-Headers"))
                .hasValueSatisfying(exposed -> assertThat(exposed).contains("Retry-After", "RateLimit"));

        Map<String, String> elsewhere = Map.of("Authorization", "Bearer " + token, "X-Forwarded-For", "203.0.113.8");
        assertThat(raw.send("GET", "/api/v1/members/me", elsewhere, "").statusCode())
                .isEqualTo(200);
        assertThat(raw.send(
                                "OPTIONS",
                                "/api/v1/members/me",
                                Map.of(
                                        "Origin",
                                        Browser.ORIGIN,
                                        "Access-Control-Request-Method",
                                        "GET",
                                        "X-Forwarded-For",
                                        "203.0.113.7"),
                                "")
                        .statusCode())
                .as("a preflight is never counted nor refused")
                .isEqualTo(200);
        assertThat(raw.send("GET", "/health", Map.of("X-Forwarded-For", "203.0.113.7"), "")
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    @Order(2)
    void analysesAreThreeAtOnceAndGuidesTenAMinutePerMember() {
        Browser eager = member("eager");
        Browser other = member("patient");
        for (int i = 0; i < 3; i++) {
            assertThat(eager.post("/api/v1/retrospects/999999/analysis", "").statusCode())
                    .isEqualTo(404);
        }
        HttpResponse<String> fourth = eager.post("/api/v1/retrospects/999999/analysis", "");
        assertThat(fourth.statusCode()).isEqualTo(429);
        assertThat(body(fourth).path("code").asString()).isEqualTo("RATE4291");
        assertThat(other.post("/api/v1/retrospects/999999/analysis", "").statusCode())
                .as("another member's budget is its own")
                .isEqualTo(404);

        for (int i = 0; i < 10; i++) {
            assertThat(eager.post("/api/v1/retrospects/999999/questions/1/assistant", "")
                            .statusCode())
                    .isEqualTo(404);
        }
        HttpResponse<String> eleventh = eager.post("/api/v1/retrospects/999999/questions/1/assistant", "");
        assertThat(eleventh.statusCode()).isEqualTo(429);
        assertThat(eleventh.headers().firstValue("Retry-After")).isPresent();
    }

    @Test
    @Order(3)
    void withRedisKilledTheAddressBudgetLetsCallsThroughAndTheMembersAiBudgetsHoldLocally() {
        Browser member = member("outage");
        try (RespClient redis = REDIS.node(0).client()) {
            assertThat(redis.command("KEYS", "rl:*")).asList().isNotEmpty();
        }
        REDIS.node(0).kill();
        try {
            RawHttpClient raw = new RawHttpClient(base());
            Map<String, String> caller = Map.of(
                    "Authorization", "Bearer " + member.cookie("access_token"), "X-Forwarded-For", "198.51.100.9");
            for (int i = 0; i < 110; i++) {
                HttpResponse<String> answer = raw.send("GET", "/api/v1/members/me", caller, "");
                assertThat(answer.statusCode()).as("call %d", i + 1).isEqualTo(200);
                assertThat(answer.headers().firstValue("RateLimit")).isEmpty();
            }
            int refused = 0;
            for (int i = 0; i < 6; i++) {
                refused +=
                        member.post("/api/v1/retrospects/999999/analysis", "").statusCode() == 429 ? 1 : 0;
            }
            assertThat(refused)
                    .as("the local budget still refuses past the burst")
                    .isPositive();
        } finally {
            REDIS.node(0).restart();
        }
    }
}
