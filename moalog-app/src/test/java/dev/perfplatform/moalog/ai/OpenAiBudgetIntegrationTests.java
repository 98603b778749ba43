package dev.perfplatform.moalog.ai;

import static org.assertj.core.api.Assertions.assertThat;

import dev.perfplatform.moalog.Browser;
import dev.perfplatform.testing.redis.RedisServerProcess;
import dev.perfplatform.testing.resp.RespClient;
import java.net.http.HttpResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * The service's budget of calls to OpenAI (the {@code openai} policy, taken around each call, no route), with its
 * state in a real Redis: a call it denies is {@code AI5031}, uncharged, and never reaches OpenAI — also once the
 * Redis process is killed, when the budget is decided locally instead of letting every call through.
 */
@TestPropertySource(
        properties = {
            "moalog.ai.offline=false",
            "spring.ai.openai.api-key=sk-test-budget-0123",
            "ratelimit.policies.openai.limits[0].algorithm=fixed-window",
            "ratelimit.policies.openai.limits[0].limit=2",
            "ratelimit.policies.openai.limits[0].window=1h"
        })
class OpenAiBudgetIntegrationTests extends AiTestBase {

    private static final RedisServerProcess REDIS = RedisServerProcess.standalone();
    private static final FakeOpenAi MODEL = new FakeOpenAi();
    private static final MockWebServer OPENAI = served();

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("spring.ai.openai.base-url", () -> "http://127.0.0.1:" + OPENAI.getPort() + "/v1");
        registry.add("ratelimit.redis.url", REDIS::uri);
    }

    @AfterAll
    static void stop() {
        OPENAI.close();
        REDIS.close();
    }

    @Test
    void theBudgetStopsCallsBeforeOpenAiOnRedisAndLocallyOnceRedisIsGone() throws Exception {
        Browser owner = member("budget");
        RoomRef room = createRoom(owner, "budget room");
        long retrospect = createRetrospect(owner, room.id(), "KPT", 2);
        owner.post("/api/v1/retrospects/" + retrospect + "/participants", "");

        assertThat(guide(owner, retrospect).statusCode()).isEqualTo(200);
        assertThat(guide(owner, retrospect).statusCode()).isEqualTo(200);
        HttpResponse<String> third = guide(owner, retrospect);
        assertThat(third.statusCode()).isEqualTo(503);
        assertThat(body(third).path("code").asString()).isEqualTo("AI5031");
        assertThat(MODEL.guides()).isEqualTo(2);
        try (RespClient redis = REDIS.node(0).client()) {
            assertThat(redis.command("KEYS", "rl:*")).asList().isNotEmpty();
        }

        REDIS.node(0).kill();
        // with Redis gone the budget is decided locally, never opened: the spent budget stays spent
        Browser other = member("budgetAfter");
        long second = createRetrospect(other, createRoom(other, "after room").id(), "KPT", 2);
        other.post("/api/v1/retrospects/" + second + "/participants", "");
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> refused = guide(other, second);
            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(body(refused).path("code").asString()).isEqualTo("AI5031");
        }
        assertThat(MODEL.guides()).isEqualTo(2);
        assertThat(count("SELECT COALESCE(SUM(used), 0) FROM ai_usage WHERE kind = 'GUIDE'"))
                .as("refused calls are not charged")
                .isEqualTo(2);
        REDIS.node(0).restart();
    }

    private static HttpResponse<String> guide(Browser member, long retrospect) {
        return member.post(guide(retrospect, 1), "");
    }

    private static MockWebServer served() {
        MockWebServer server = OpenAiWire.started();
        server.setDispatcher(MODEL);
        return server;
    }
}
