package dev.perfplatform.moalog.ai;

import static org.assertj.core.api.Assertions.assertThat;

import dev.perfplatform.moalog.Browser;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The real OpenAI adapter — Spring AI's chat model on the openai-java SDK — against MockWebServer speaking OpenAI's
 * chat-completions wire format: what moalog sends, how it reads the answer, and how each failure (401, 429, 503, 500,
 * a timeout, an answer that is not the JSON asked for) becomes its code without charging the member.
 */
@TestPropertySource(
        properties = {
            "moalog.ai.offline=false",
            "spring.ai.openai.api-key=" + OpenAiModelIntegrationTests.API_KEY,
            "OPENAI_TIMEOUT=2s"
        })
class OpenAiModelIntegrationTests extends AiTestBase {

    static final String API_KEY = "sk-test-moalog-0123456789";

    private static final MockWebServer OPENAI = OpenAiWire.started();
    private static final JsonMapper JSON = OpenAiWire.JSON;

    @DynamicPropertySource
    static void openAi(DynamicPropertyRegistry registry) {
        registry.add("spring.ai.openai.base-url", () -> "http://127.0.0.1:" + OPENAI.getPort() + "/v1");
    }

    @BeforeEach
    void forgetEarlierRequests() throws InterruptedException {
        while (OPENAI.takeRequest(10, TimeUnit.MILLISECONDS) != null) {
            // requests of an earlier test
        }
    }

    @AfterAll
    static void stop() {
        OPENAI.close();
    }

    @Test
    void anAnalysisIsAskedInOpenAisWireFormatAndItsAnswerReadRankedAndKept() throws Exception {
        Browser owner = member("wireOwner");
        RoomRef room = createRoom(owner, "wire room");
        Browser teammate = member("wireMate");
        join(teammate, room);
        long retrospect = submittedRetrospect(room, owner, teammate);
        long ownerId = memberId(owner);
        long mateId = memberId(teammate);
        OPENAI.enqueue(
                OpenAiWire.completion("분석 결과예요.\n```json\n" + analysisJson(List.of(mateId, ownerId), 3) + "\n```"));

        HttpResponse<String> made = owner.post(analysis(retrospect), "");

        assertThat(made.statusCode()).as(made.body()).isEqualTo(200);
        JsonNode result = body(made).path("result");
        assertThat(result.path("offline").asBoolean()).isFalse();
        assertThat(result.path("insight").asString()).isEqualTo("서로를 믿고 끝까지 해냈어요.");
        assertThat(result.path("emotionRank").findValuesAsString("label")).containsExactly("뿌듯", "감사", "피로");
        assertThat(result.path("emotionRank").findValues("rank").stream().map(JsonNode::asInt))
                .containsExactly(1, 2, 3);
        assertThat(result.path("personalMissions").findValues("userId").stream().map(JsonNode::asLong))
                .containsExactly(Math.min(ownerId, mateId), Math.max(ownerId, mateId));
        assertThat(result.path("personalMissions").findValuesAsString("userName"))
                .containsExactlyInAnyOrder("wireOwner", "wireMate");
        assertThat(body(teammate.get(analysis(retrospect))).path("result")).isEqualTo(result);
        assertThat(analysesUsed(owner)).isOne();

        RecordedRequest request = OPENAI.takeRequest(5, TimeUnit.SECONDS);
        assertThat(request).isNotNull();
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getUrl().encodedPath()).isEqualTo("/v1/chat/completions");
        assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + API_KEY);
        JsonNode sent = JSON.readTree(request.getBody().utf8());
        assertThat(sent.path("model").asString()).isEqualTo("gpt-4o-mini");
        assertThat(sent.path("temperature").asDouble()).isEqualTo(0.7);
        assertThat(sent.path("messages").get(0).path("role").asString()).isEqualTo("system");
        assertThat(sent.path("messages").get(0).path("content").asString()).contains("~어요", "emotionRank");
        String user = sent.path("messages").get(1).path("content").asString();
        assertThat(user)
                .startsWith("다음 팀원들의 회고 답변을 종합 분석해주세요.")
                .contains("## 참여자 (userId: " + ownerId + ", 이름: wireOwner)")
                .contains("- Q1: 계속 유지하고 싶은 좋은 점은 무엇인가요?\n  A: 매일 아침 짧게 공유한 게 정말 좋았어요");
    }

    @Test
    void eachFailureOfTheModelHasItsCodeAndCostsTheMemberNothing() throws Exception {
        Browser owner = member("unlucky");
        RoomRef room = createRoom(owner, "failing room");
        long retrospect = submittedRetrospect(room, owner);
        long ownerId = memberId(owner);
        Map<MockResponse, String> failures = new java.util.LinkedHashMap<>();
        failures.put(error(401, "invalid_api_key"), "AI5002");
        failures.put(error(429, "rate_limit_exceeded"), "AI5031");
        failures.put(error(503, "overloaded"), "AI5031");
        failures.put(error(500, "server_error"), "AI5003");
        failures.put(OpenAiWire.completion("죄송해요, 지금은 분석할 수 없어요."), "AI5001");
        failures.put(OpenAiWire.completion("{\"insight\": \"반쪽\", \"emotionRank\": [1, 2"), "AI5001");
        failures.put(OpenAiWire.completion(analysisJson(List.of(ownerId), 2)), "AI5001");
        failures.put(OpenAiWire.completion(analysisJson(List.of(ownerId, ownerId + 1000), 3)), "AI5001");
        failures.put(
                new MockResponse.Builder()
                        .code(200)
                        .headersDelay(6, TimeUnit.SECONDS)
                        .body("{}")
                        .build(),
                "AI5031");

        for (Map.Entry<MockResponse, String> failure : failures.entrySet()) {
            OPENAI.enqueue(failure.getKey());
            HttpResponse<String> answer = owner.post(analysis(retrospect), "");

            String code = body(answer).path("code").asString();
            assertThat(code).as(answer.body()).isEqualTo(failure.getValue());
            assertThat(answer.statusCode()).isEqualTo(code.startsWith("AI503") ? 503 : 500);
        }

        assertThat(analysesUsed(owner)).isZero();
        assertThat(count("SELECT COUNT(*) FROM retrospect_analysis WHERE retrospect_id = " + retrospect))
                .isZero();
        assertThat(management("/actuator/prometheus").body())
                .contains("moalog_ai_calls_total{feature=\"analysis\",model=\"openai\",outcome=\"AI5002\"} 1.0");
    }

    @Test
    void guidesComeFromTheModelWithTheDraftAndAnUnusableAnswerIsNotCharged() throws Exception {
        Browser owner = member("wireGuide");
        RoomRef room = createRoom(owner, "wire guides");
        long retrospect = createRetrospect(owner, room.id(), "KPT", 2);
        owner.post("/api/v1/retrospects/" + retrospect + "/participants", "");
        OPENAI.enqueue(OpenAiWire.completion("{\"guides\": [{\"title\": \"장면 떠올리기\", \"description\": \"그날을 적어 봐요.\"},"
                + " {\"title\": \"이유 더하기\", \"description\": \"왜 좋았는지 적어 봐요.\"}]}"));

        HttpResponse<String> guided = owner.post(guide(retrospect, 1), "{\"content\":\"데일리 스크럼이 좋았어요\"}");

        assertThat(guided.statusCode()).as(guided.body()).isEqualTo(200);
        JsonNode result = body(guided).path("result");
        assertThat(result.path("guideType").asString()).isEqualTo("PERSONALIZED");
        assertThat(result.path("guides").findValuesAsString("title")).containsExactly("장면 떠올리기", "이유 더하기");
        assertThat(result.path("remainingCount").asInt()).isEqualTo(2);
        assertThat(result.path("offline").asBoolean()).isFalse();
        RecordedRequest request = OPENAI.takeRequest(5, TimeUnit.SECONDS);
        assertThat(request).isNotNull();
        assertThat(JSON.readTree(request.getBody().utf8())
                        .path("messages")
                        .get(1)
                        .path("content")
                        .asString())
                .contains("질문: 계속 유지하고 싶은 좋은 점은 무엇인가요?", "데일리 스크럼이 좋았어요");

        OPENAI.enqueue(OpenAiWire.completion("{\"guides\": [" + "{\"title\": \"t\", \"description\": \"d\"},".repeat(3)
                + "{\"title\": \"t\", \"description\": \"d\"}]}"));
        HttpResponse<String> tooMany = owner.post(guide(retrospect, 1), "");
        assertThat(body(tooMany).path("code").asString()).isEqualTo("AI5001");
        assertThat(count("SELECT used FROM ai_usage WHERE kind = 'GUIDE' AND member_id = " + memberId(owner)))
                .isOne();
    }

    /** An analysis as a model would write it, for {@code users}, with {@code emotions} emotions (counts unsorted). */
    private static String analysisJson(List<Long> users, int emotions) {
        StringBuilder missions = new StringBuilder();
        for (long user : users) {
            missions.append(missions.length() > 0 ? "," : "")
                    .append("{\"userId\": ")
                    .append(user)
                    .append(", \"userName\": \"이름\", \"missions\": [")
                    .append("{\"missionTitle\": \"회고 공유하기\", \"missionDesc\": \"매주 나눠요.\"},")
                    .append("{\"missionTitle\": \"테스트 먼저 쓰기\", \"missionDesc\": \"작게 시작해요.\"},")
                    .append("{\"missionTitle\": \"쉬어 가기\", \"missionDesc\": \"야근을 줄여요.\"}]}");
        }
        List<String> ranked = List.of(
                "{\"rank\": 3, \"label\": \"피로\", \"description\": \"마감 직전이 힘들었어요.\", \"count\": 1}",
                "{\"rank\": 1, \"label\": \"뿌듯\", \"description\": \"끝까지 해내서 뿌듯했어요.\", \"count\": 4}",
                "{\"rank\": 2, \"label\": \"감사\", \"description\": \"서로에게 고마웠어요.\", \"count\": 2}");
        return "{\"insight\": \"서로를 믿고 끝까지 해냈어요.\", \"emotionRank\": [" + String.join(",", ranked.subList(0, emotions))
                + "], \"personalMissions\": [" + missions + "]}";
    }

    private static MockResponse error(int status, String code) {
        return OpenAiWire.json(
                status,
                "{\"error\": {\"message\": \"" + code + "\", \"type\": \"invalid_request_error\", \"param\": null,"
                        + " \"code\": \"" + code + "\"}}");
    }
}
