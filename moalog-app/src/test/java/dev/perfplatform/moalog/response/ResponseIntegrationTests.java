package dev.perfplatform.moalog.response;

import static org.assertj.core.api.Assertions.assertThat;

import dev.perfplatform.moalog.Browser;
import dev.perfplatform.moalog.MoalogApplicationTestBase;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Answers, comments and likes end to end: paging, codes, and likes unique per member under a storm. */
class ResponseIntegrationTests extends MoalogApplicationTestBase {

    private Browser owner;
    private Browser mate;
    private RoomRef room;
    private long retrospect;

    @BeforeEach
    void submittedRetrospect() {
        String suffix = Long.toString(System.nanoTime() % 1_000_000);
        owner = member("rOwner" + suffix);
        mate = member("rMate" + suffix);
        room = createRoom(owner, "responses " + suffix);
        join(mate, room);
        retrospect = createRetrospect(owner, room.id(), "KPT", 1);
        for (Browser participant : List.of(owner, mate)) {
            participant.post("/api/v1/retrospects/" + retrospect + "/participants", "");
            participant.post("/api/v1/retrospects/" + retrospect + "/submit", answers("answer"));
        }
    }

    @Test
    void answersPageByCursorNewestFirstAndFilterByQuestion() {
        String path = "/api/v1/retrospects/" + retrospect + "/responses";
        JsonNode first = body(owner.get(path + "?size=4")).path("result");
        assertThat(first.path("responses")).hasSize(4);
        assertThat(first.path("hasNext").asBoolean()).isTrue();
        long cursor = first.path("nextCursor").asLong();
        List<Long> seen = new ArrayList<>();
        first.path("responses")
                .forEach(answer -> seen.add(answer.path("responseId").asLong()));
        JsonNode rest = body(owner.get(path + "?size=100&cursor=" + cursor)).path("result");
        rest.path("responses")
                .forEach(answer -> seen.add(answer.path("responseId").asLong()));
        assertThat(rest.path("hasNext").asBoolean()).isFalse();
        assertThat(rest.path("nextCursor").isNull()).isTrue();
        assertThat(seen).hasSize(10).doesNotHaveDuplicates().isSortedAccordingTo((a, b) -> Long.compare(b, a));

        JsonNode second =
                body(owner.get(path + "?category=QUESTION_2")).path("result").path("responses");
        assertThat(second)
                .hasSize(2)
                .allSatisfy(
                        answer -> assertThat(answer.path("content").asString()).isEqualTo("answer 2"));
        for (String bad : List.of("?category=QUESTION_6", "?category=all")) {
            HttpResponse<String> refused = owner.get(path + bad);
            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(body(refused).path("code").asString()).isEqualTo("RETRO4004");
        }
        for (String bad : List.of("?size=0", "?size=101", "?cursor=0", "?size=x")) {
            HttpResponse<String> refused = owner.get(path + bad);
            assertThat(refused.statusCode()).as(bad).isEqualTo(400);
            assertThat(body(refused).path("code").asString()).as(bad).isEqualTo("COMMON400");
        }
    }

    @Test
    void commentsAreCheckedPagedAndForMembersOnly() throws Exception {
        long response = firstResponse();
        String path = "/api/v1/responses/" + response + "/comments";
        for (int i = 0; i < 3; i++) {
            assertThat(mate.post(path, "{\"content\":\"comment " + i + "\"}").statusCode())
                    .isEqualTo(200);
        }
        JsonNode page = body(owner.get(path + "?size=2")).path("result");
        assertThat(page.path("comments"))
                .extracting(c -> c.path("content").asString())
                .containsExactly("comment 2", "comment 1");
        assertThat(page.path("hasNext").asBoolean()).isTrue();

        long comments = count("SELECT COUNT(*) FROM response_comment");
        HttpResponse<String> blank = mate.post(path, "{\"content\":\"  \"}");
        assertThat(blank.statusCode()).isEqualTo(400);
        assertThat(body(blank).path("code").asString()).isEqualTo("COMMON400");
        HttpResponse<String> tooLong = mate.post(path, "{\"content\":\"" + "x".repeat(201) + "\"}");
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(body(tooLong).path("code").asString()).isEqualTo("RES4001");
        HttpResponse<String> missing = mate.post("/api/v1/responses/999999/comments", "{\"content\":\"x\"}");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(body(missing).path("code").asString()).isEqualTo("RES4041");
        HttpResponse<String> outsider = member("cOutsider").post(path, "{\"content\":\"x\"}");
        assertThat(outsider.statusCode()).isEqualTo(403);
        assertThat(body(outsider).path("code").asString()).isEqualTo("RETRO4031");
        assertThat(count("SELECT COUNT(*) FROM response_comment")).isEqualTo(comments);
    }

    @Test
    void aDraftAnswerCannotBeSeenCommentedOrLiked() throws Exception {
        Browser drafter = member("drafter" + System.nanoTime() % 1_000_000);
        join(drafter, room);
        long later = createRetrospect(owner, room.id(), "KPT", 3);
        drafter.post("/api/v1/retrospects/" + later + "/participants", "");
        drafter.send(
                "PUT",
                "/api/v1/retrospects/" + later + "/drafts",
                "{\"drafts\":[{\"questionNumber\":1,\"content\":\"secret\"}]}",
                null);
        long draft = count("SELECT MAX(response_id) FROM response WHERE retrospect_id = " + later);

        assertThat(owner.post("/api/v1/responses/" + draft + "/likes", "").statusCode())
                .isEqualTo(404);
        assertThat(owner.post("/api/v1/responses/" + draft + "/comments", "{\"content\":\"x\"}")
                        .statusCode())
                .isEqualTo(404);
        assertThat(owner.get("/api/v1/responses/" + draft + "/comments").statusCode())
                .isEqualTo(404);
    }

    @Test
    void aLikeTogglesAndStaysOnePerMemberUnderAStorm() throws Exception {
        long response = firstResponse();
        String path = "/api/v1/responses/" + response + "/likes";
        JsonNode on = body(mate.post(path, "")).path("result");
        assertThat(on.path("isLiked").asBoolean()).isTrue();
        JsonNode off = body(mate.post(path, "")).path("result");
        assertThat(off.path("isLiked").asBoolean()).isFalse();
        assertThat(off.path("totalLikes").asLong()).isZero();

        List<Callable<HttpResponse<String>>> storm = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            Browser who = i % 2 == 0 ? owner : mate;
            storm.add(() -> who.post(path, ""));
        }
        List<Integer> statuses = concurrently(storm);

        assertThat(statuses).containsOnly(200);
        assertThat(count("SELECT MAX(n) FROM (SELECT COUNT(*) AS n FROM response_like WHERE response_id = " + response
                        + " GROUP BY member_id) counts"))
                .isLessThanOrEqualTo(1);
        long rows = count("SELECT COUNT(*) FROM response_like WHERE response_id = " + response);
        assertThat(body(owner.get("/api/v1/retrospects/" + retrospect))
                        .path("result")
                        .path("totalLikeCount")
                        .asLong())
                .isEqualTo(rows);
    }

    @Test
    void manyMembersLikingAtOnceAreAllCounted() throws Exception {
        long response = firstResponse();
        List<Browser> likers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Browser liker = member("liker" + i + "x" + System.nanoTime() % 100_000);
            join(liker, room);
            likers.add(liker);
        }
        List<Callable<HttpResponse<String>>> likes = new ArrayList<>();
        for (Browser liker : likers) {
            likes.add(() -> liker.post("/api/v1/responses/" + response + "/likes", ""));
        }

        assertThat(concurrently(likes)).containsOnly(200);

        assertThat(count("SELECT COUNT(*) FROM response_like WHERE response_id = " + response))
                .isEqualTo(8);
    }

    private long firstResponse() {
        return body(owner.get("/api/v1/retrospects/" + retrospect + "/responses?size=1"))
                .path("result")
                .path("responses")
                .get(0)
                .path("responseId")
                .asLong();
    }
}
