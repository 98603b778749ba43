package dev.perfplatform.moalog.ai;

import static org.assertj.core.api.Assertions.assertThat;

import dev.perfplatform.moalog.Browser;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The AI features end to end on a real MariaDB with the offline model: the analysis made once, kept and read back;
 * its preconditions and codes; the monthly quotas, charged only for what succeeded and never overshot under
 * concurrency; writing guides for a drafting participant.
 */
class AiIntegrationTests extends AiTestBase {

    @Test
    void twoParticipantsSubmitTheAnalysisRunsOnceIsKeptAndReadBack() throws Exception {
        Browser owner = member("analyst");
        RoomRef room = createRoom(owner, "analysis room");
        Browser teammate = member("teammate");
        join(teammate, room);
        long retrospect = submittedRetrospect(room, owner, teammate);

        HttpResponse<String> made = owner.post(analysis(retrospect), "");

        assertThat(made.statusCode()).as(made.body()).isEqualTo(200);
        JsonNode result = body(made).path("result");
        assertThat(result.path("offline").asBoolean()).isTrue();
        assertThat(result.path("insight").asString()).isNotBlank();
        JsonNode emotions = result.path("emotionRank");
        assertThat(emotions).hasSize(3);
        assertThat(emotions.get(0).path("rank").asInt()).isEqualTo(1);
        assertThat(emotions.get(0).path("count").asInt())
                .isGreaterThanOrEqualTo(emotions.get(1).path("count").asInt());
        assertThat(emotions.get(1).path("count").asInt())
                .isGreaterThanOrEqualTo(emotions.get(2).path("count").asInt());
        JsonNode missions = result.path("personalMissions");
        assertThat(missions.findValuesAsString("userName")).containsExactlyInAnyOrder("analyst", "teammate");
        assertThat(missions.get(0).path("userId").asLong())
                .isLessThan(missions.get(1).path("userId").asLong());
        assertThat(missions.get(0).path("missions")).hasSize(3);

        HttpResponse<String> readBack = teammate.get(analysis(retrospect));
        assertThat(readBack.statusCode()).isEqualTo(200);
        assertThat(body(readBack).path("result")).isEqualTo(result);
        assertThat(count("SELECT COUNT(*) FROM retrospect WHERE insight IS NOT NULL AND retrospect_id = " + retrospect))
                .isOne();
        assertThat(count("SELECT COUNT(*) FROM member_retro WHERE status = 'ANALYZED' AND personal_insight LIKE '%: %'"
                        + " AND retrospect_id = " + retrospect))
                .isEqualTo(2);
        assertThat(analysesUsed(owner)).isOne();
        assertThat(analysesUsed(teammate)).isZero();
        assertThat(body(owner.get("/api/v1/members/me"))
                        .path("result")
                        .path("insightCount")
                        .asInt())
                .isOne();

        HttpResponse<String> again = teammate.post(analysis(retrospect), "");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(body(again).path("code").asString()).isEqualTo("RETRO4091");
        assertThat(analysesUsed(teammate)).isZero();
        assertThat(management("/actuator/prometheus").body())
                .contains("moalog_ai_calls_total{feature=\"analysis\",model=\"offline\",outcome=\"success\"}");
    }

    @Test
    void anAnalysisNeedsSubmittedAnswersAndAnOutsiderSeesNothing() throws Exception {
        Browser owner = member("early");
        RoomRef room = createRoom(owner, "early room");
        long retrospect = createRetrospect(owner, room.id(), "KPT", 2);
        owner.post("/api/v1/retrospects/" + retrospect + "/participants", "");

        HttpResponse<String> tooEarly = owner.post(analysis(retrospect), "");
        assertThat(tooEarly.statusCode()).isEqualTo(422);
        assertThat(body(tooEarly).path("code").asString()).isEqualTo("RETRO4221");
        assertThat(analysesUsed(owner)).isZero();

        HttpResponse<String> notYet = owner.get(analysis(retrospect));
        assertThat(notYet.statusCode()).isEqualTo(404);
        assertThat(body(notYet).path("code").asString()).isEqualTo("RETRO4041");
        assertThat(body(notYet).path("message").asString()).contains("분석");

        Browser outsider = member("nosy");
        for (HttpResponse<String> refused :
                List.of(outsider.post(analysis(retrospect), ""), outsider.get(analysis(retrospect)))) {
            assertThat(refused.statusCode()).isEqualTo(404);
            assertThat(body(refused).path("code").asString()).isEqualTo("RETRO4041");
        }
    }

    @Test
    void theMonthlyQuotaCountsTheAnalysesTheCallerTriggeredNotTheRoomsAndStopsAtThree() throws Exception {
        Browser owner = member("quota");
        RoomRef room = createRoom(owner, "quota room");
        Browser teammate = member("quotaMate");
        join(teammate, room);
        List<Long> retrospects = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            retrospects.add(submittedRetrospect(room, owner, teammate));
        }
        for (int i = 0; i < 3; i++) {
            assertThat(owner.post(analysis(retrospects.get(i)), "").statusCode())
                    .isEqualTo(200);
        }

        HttpResponse<String> fourth = owner.post(analysis(retrospects.get(3)), "");
        assertThat(fourth.statusCode()).isEqualTo(403);
        assertThat(body(fourth).path("code").asString()).isEqualTo("AI4031");
        // the original counted the room's analyses against the caller: here the teammate's quota is its own
        assertThat(teammate.post(analysis(retrospects.get(3)), "").statusCode()).isEqualTo(200);
        assertThat(analysesUsed(owner)).isEqualTo(3);
        assertThat(analysesUsed(teammate)).isOne();
    }

    @Test
    void concurrentAnalysesOfOneRetrospectMakeOneAnalysisAndChargeOnce() throws Exception {
        Browser owner = member("racer");
        RoomRef room = createRoom(owner, "race room");
        Browser teammate = member("racerMate");
        join(teammate, room);
        long retrospect = submittedRetrospect(room, owner, teammate);
        List<Callable<HttpResponse<String>>> calls = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Browser caller = i % 2 == 0 ? owner : teammate;
            calls.add(() -> caller.post(analysis(retrospect), ""));
        }

        List<Integer> statuses = concurrently(calls);

        assertThat(statuses).containsOnly(200, 409);
        assertThat(statuses.stream().filter(status -> status == 200)).hasSize(1);
        assertThat(analysesUsed(owner) + analysesUsed(teammate)).isOne();
        assertThat(count("SELECT COUNT(*) FROM retrospect_analysis WHERE retrospect_id = " + retrospect))
                .isOne();
    }

    @Test
    void aDraftingParticipantGetsGuidesUntilTheMonthlyQuotaIsUsed() throws Exception {
        Browser owner = member("guided");
        RoomRef room = createRoom(owner, "guide room");
        long retrospect = createRetrospect(owner, room.id(), "FOUR_L", 2);
        owner.post("/api/v1/retrospects/" + retrospect + "/participants", "");

        HttpResponse<String> initial = owner.post(guide(retrospect, 2), "");
        assertThat(initial.statusCode()).as(initial.body()).isEqualTo(200);
        JsonNode first = body(initial).path("result");
        assertThat(first.path("questionId").asInt()).isEqualTo(2);
        assertThat(first.path("questionContent").asString()).isEqualTo("새롭게 배운 것은 무엇인가요?");
        assertThat(first.path("guideType").asString()).isEqualTo("INITIAL");
        assertThat(first.path("guides")).hasSize(3);
        assertThat(first.path("remainingCount").asInt()).isEqualTo(2);
        assertThat(first.path("offline").asBoolean()).isTrue();

        HttpResponse<String> personalized = owner.post(guide(retrospect, 2), "{\"content\":\"리액티브를 배웠어요\"}");
        assertThat(body(personalized).path("result").path("guideType").asString())
                .isEqualTo("PERSONALIZED");
        assertThat(body(personalized).path("result").path("remainingCount").asInt())
                .isOne();
        assertThat(body(owner.post(guide(retrospect, 5), "{\"content\":\"  \"}"))
                        .path("result")
                        .path("guideType")
                        .asString())
                .as("a blank draft asks for the initial guides")
                .isEqualTo("INITIAL");

        HttpResponse<String> spent = owner.post(guide(retrospect, 1), "");
        assertThat(spent.statusCode()).isEqualTo(403);
        assertThat(body(spent).path("code").asString()).isEqualTo("AI4032");
        assertThat(count("SELECT used FROM ai_usage WHERE kind = 'GUIDE' AND member_id = " + memberId(owner)))
                .isEqualTo(3);
    }

    @Test
    void guidesAreForAnExistingQuestionAndADraftingParticipantOnly() throws Exception {
        Browser owner = member("guideRules");
        RoomRef room = createRoom(owner, "guide rules");
        Browser bystander = member("bystander");
        join(bystander, room);
        long retrospect = createRetrospect(owner, room.id(), "KPT", 2);
        owner.post("/api/v1/retrospects/" + retrospect + "/participants", "");

        expect(owner.post(guide(retrospect, 6), ""), 404, "RETRO4043");
        expect(owner.post(guide(retrospect, 0), ""), 404, "RETRO4043");
        expect(owner.post(guide(retrospect, 1), "{\"content\":\"" + "가".repeat(1001) + "\"}"), 400, "RETRO4003");
        expect(bystander.post(guide(retrospect, 1), ""), 403, "RETRO4031");
        expect(member("stranger").post(guide(retrospect, 1), ""), 404, "RETRO4041");
        owner.post("/api/v1/retrospects/" + retrospect + "/submit", answers("done"));
        expect(owner.post(guide(retrospect, 1), ""), 403, "RETRO4033");
        assertThat(count("SELECT COUNT(*) FROM ai_usage WHERE used > 0 AND member_id = " + memberId(owner)))
                .isZero();
    }

    @Test
    void concurrentGuidesNeverOvershootTheQuota() throws Exception {
        Browser owner = member("greedy");
        RoomRef room = createRoom(owner, "greedy room");
        long retrospect = createRetrospect(owner, room.id(), "PMI", 2);
        owner.post("/api/v1/retrospects/" + retrospect + "/participants", "");
        List<Callable<HttpResponse<String>>> calls = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            calls.add(() -> owner.post(guide(retrospect, 1), ""));
        }

        List<Integer> statuses = concurrently(calls);

        assertThat(statuses).containsOnly(200, 403);
        assertThat(statuses.stream().filter(status -> status == 200)).hasSize(3);
        assertThat(count("SELECT used FROM ai_usage WHERE kind = 'GUIDE' AND member_id = " + memberId(owner)))
                .isEqualTo(3);
    }
}
