package dev.perfplatform.moalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.perfplatform.moalog.export.ExportedPdf;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The whole life of a retrospect, run once per AI model: sign-up through the provider simulator, a room, an invite,
 * a retrospect, drafts with a writing guide, two submissions, answers, comments and likes, storage and search, the
 * analysis made and read back, the PDF report exported and read back, and the FREE plan's month used up ({@code AI4032}, {@code AI4031}). The subclasses
 * choose the model: the offline one, or the OpenAI adapter against MockWebServer playing OpenAI.
 */
public abstract class LifecycleContract extends MoalogApplicationTestBase {

    /** The {@code model} tag of the model under test: {@code offline} or {@code openai}. */
    protected abstract String model();

    /** Checks what the model itself saw, where the test can see it. */
    protected void modelWasAsked(int guides, int analyses) {}

    @Test
    void theWholeLifecycleFromSignUpToTheAiAndItsMonthlyQuota() throws Exception {
        Browser owner = member("lifeOwner");
        RoomRef room = createRoom(owner, "life room");
        Browser teammate = member("lifeMate");
        join(teammate, room);
        long retrospect = createRetrospect(owner, room.id(), "FOUR_L", 2);

        JsonNode listed = body(owner.get("/api/v1/retro-rooms/" + room.id() + "/retrospects"))
                .path("result");
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).path("retrospectMethod").asString()).isEqualTo("FOUR_L");
        assertThat(listed.get(0).path("retrospectTime").asString()).isEqualTo("19:00");
        assertThat(listed.get(0).path("retrospectDate").asString())
                .isEqualTo(LocalDate.now(ZoneId.of("Asia/Seoul")).plusDays(2).toString());

        HttpResponse<String> joined = teammate.post("/api/v1/retrospects/" + retrospect + "/participants", "");
        assertThat(joined.statusCode()).isEqualTo(200);
        assertThat(body(joined).path("result").path("nickname").asString()).isEqualTo("lifeMate");
        owner.post("/api/v1/retrospects/" + retrospect + "/participants", "");
        HttpResponse<String> drafted = teammate.send(
                "PUT",
                "/api/v1/retrospects/" + retrospect + "/drafts",
                "{\"drafts\":[{\"questionNumber\":1,\"content\":\"초안\"},{\"questionNumber\":2,\"content\":null}]}",
                null);
        assertThat(drafted.statusCode()).isEqualTo(200);
        HttpResponse<String> guided = teammate.post(guide(retrospect, 1), "{\"content\":\"초안\"}");
        assertThat(guided.statusCode()).as(guided.body()).isEqualTo(200);
        assertThat(body(guided).path("result").path("guideType").asString()).isEqualTo("PERSONALIZED");
        assertThat(body(guided).path("result").path("remainingCount").asInt()).isEqualTo(2);
        assertThat(body(owner.get("/api/v1/retrospects/" + retrospect + "/responses"))
                        .path("result")
                        .path("responses"))
                .isEmpty(); // drafts are nobody else's business

        HttpResponse<String> submitted =
                teammate.post("/api/v1/retrospects/" + retrospect + "/submit", answers("좋았어요"));
        assertThat(submitted.statusCode()).isEqualTo(200);
        assertThat(body(submitted).path("result").path("status").asString()).isEqualTo("SUBMITTED");
        owner.post("/api/v1/retrospects/" + retrospect + "/submit", answers("배웠어요"));

        JsonNode detail = body(owner.get("/api/v1/retrospects/" + retrospect)).path("result");
        assertThat(detail.path("retroRoomId").asLong()).isEqualTo(room.id());
        assertThat(detail.path("retroCategory").asString()).isEqualTo("FOUR_L");
        assertThat(detail.path("questions")).hasSize(5);
        assertThat(detail.path("questions").get(1).path("content").asString()).isEqualTo("새롭게 배운 것은 무엇인가요?");
        assertThat(detail.path("members"))
                .extracting(m -> m.path("userName").asString())
                .containsExactly("lifeMate", "lifeOwner");

        JsonNode page = body(owner.get("/api/v1/retrospects/" + retrospect + "/responses?category=QUESTION_2"))
                .path("result");
        assertThat(page.path("responses")).hasSize(2);
        long response = page.path("responses").get(0).path("responseId").asLong();
        HttpResponse<String> commented =
                teammate.post("/api/v1/responses/" + response + "/comments", "{\"content\":\"공감해요\"}");
        assertThat(commented.statusCode()).isEqualTo(200);
        HttpResponse<String> liked = teammate.post("/api/v1/responses/" + response + "/likes", "");
        assertThat(body(liked).path("result").path("isLiked").asBoolean()).isTrue();
        assertThat(body(liked).path("result").path("totalLikes").asLong()).isEqualTo(1);
        JsonNode after = body(owner.get("/api/v1/retrospects/" + retrospect)).path("result");
        assertThat(after.path("totalLikeCount").asLong()).isEqualTo(1);
        assertThat(after.path("totalCommentCount").asLong()).isEqualTo(1);
        JsonNode comments =
                body(owner.get("/api/v1/responses/" + response + "/comments")).path("result");
        assertThat(comments.path("comments").get(0).path("userName").asString()).isEqualTo("lifeMate");

        JsonNode storage =
                body(teammate.get("/api/v1/retrospects/storage?range=3_MONTHS")).path("result");
        assertThat(storage.path("years").get(0).path("yearLabel").asString()).endsWith("년");
        assertThat(storage.path("years")
                        .get(0)
                        .path("retrospects")
                        .get(0)
                        .path("memberCount")
                        .asLong())
                .isEqualTo(2);
        JsonNode found =
                body(teammate.get("/api/v1/retrospects/search?keyword=sprint")).path("result");
        assertThat(found).hasSize(1);
        assertThat(found.get(0).path("retroRoomName").asString()).isEqualTo("life room");
        JsonNode references = body(teammate.get("/api/v1/retrospects/" + retrospect + "/references"))
                .path("result");
        assertThat(references.get(0).path("url").asString()).isEqualTo("https://github.com/moalog/moalog");

        // the analysis: made once, by the model under test, and read back
        HttpResponse<String> analysed = owner.post(analysis(retrospect), "");
        assertThat(analysed.statusCode()).as(analysed.body()).isEqualTo(200);
        JsonNode result = body(analysed).path("result");
        assertThat(result.path("offline").asBoolean()).isEqualTo(model().equals("offline"));
        assertThat(result.path("emotionRank")).hasSize(3);
        assertThat(result.path("personalMissions").findValuesAsString("userName"))
                .containsExactlyInAnyOrder("lifeOwner", "lifeMate");
        assertThat(body(teammate.get(analysis(retrospect))).path("result")).isEqualTo(result);

        // the report: the PDF, read back, with the Korean answers, the participants and the analysis
        ExportedPdf report = ExportedPdf.fetch(base(), teammate, retrospect);
        assertThat(report.response().statusCode()).isEqualTo(200);
        assertThat(report.text())
                .contains("life room", "lifeMate", "lifeOwner", "좋았어요 3", "배웠어요 2")
                .contains(result.path("insight").asString());

        // the FREE plan's month: three guides, three analyses
        long drafting = createRetrospect(owner, room.id(), "KPT", 3);
        teammate.post("/api/v1/retrospects/" + drafting + "/participants", "");
        for (int remaining = 1; remaining >= 0; remaining--) {
            HttpResponse<String> more = teammate.post(guide(drafting, 2), "");
            assertThat(body(more).path("result").path("remainingCount").asInt()).isEqualTo(remaining);
        }
        expect(teammate.post(guide(drafting, 3), ""), 403, "AI4032");
        for (int i = 0; i < 3; i++) {
            long another = createRetrospect(owner, room.id(), "PMI", 3);
            owner.post("/api/v1/retrospects/" + another + "/participants", "");
            owner.post("/api/v1/retrospects/" + another + "/submit", answers("분석 " + i));
            expect(owner.post(analysis(another), ""), i < 2 ? 200 : 403, i < 2 ? "COMMON200" : "AI4031");
        }
        String metrics = management("/actuator/prometheus").body();
        assertThat(metrics)
                .contains(
                        "moalog_ai_calls_total{feature=\"analysis\",model=\"" + model() + "\",outcome=\"success\"} 3.0")
                .contains("moalog_ai_calls_total{feature=\"guide\",model=\"" + model() + "\",outcome=\"success\"} 3.0");
        modelWasAsked(3, 3);
    }
}
