package dev.perfplatform.moalog.retrospect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.perfplatform.moalog.Browser;
import dev.perfplatform.moalog.MoalogApplicationTestBase;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;

/** Retrospects on a real MariaDB: each endpoint's codes and submit-once under a storm (the lifecycle: LifecycleContract). */
class RetrospectIntegrationTests extends MoalogApplicationTestBase {

    @Test
    void creationRefusesBadInputWithTheOriginalsCodesAndWritesNothing() throws Exception {
        Browser owner = member("createOwner");
        RoomRef room = createRoom(owner, "create room");
        String tomorrow = LocalDate.now(ZoneId.of("Asia/Seoul")).plusDays(1).toString();
        long before = count("SELECT COUNT(*) FROM retrospect");
        record Case(String body, int status, String code) {}
        String base = "{\"retroRoomId\":" + room.id() + ",\"projectName\":\"p\",\"retrospectDate\":\"" + tomorrow
                + "\",\"retrospectTime\":\"10:00\",\"retrospectMethod\":\"KPT\"";
        for (Case bad : List.of(
                new Case(base.replace("\"p\"", "\"" + "x".repeat(21) + "\"") + "}", 400, "RETRO4001"),
                new Case(base.replace("\"p\"", "\"  \"") + "}", 400, "RETRO4001"),
                new Case(base.replace("KPT", "KPT2") + "}", 400, "RETRO4005"),
                new Case(base + ",\"referenceUrls\":[\"ftp://x/y\"]}", 400, "RETRO4006"),
                new Case(base + ",\"referenceUrls\":[\"https://a.b/c\",\"https://a.b/c\"]}", 400, "RETRO4006"),
                new Case(base + ",\"referenceUrls\":[\"https://a.b/" + "x".repeat(2048) + "\"]}", 400, "RETRO4006"),
                new Case(base.replace(tomorrow, "2020-01-01") + "}", 400, "COMMON400"),
                new Case(base.replace(tomorrow, "2026-02-30") + "}", 400, "COMMON400"),
                new Case(base.replace("10:00", "25:00") + "}", 400, "COMMON400"),
                new Case(base.replace("10:00", "10:00:00") + "}", 400, "COMMON400"),
                new Case(
                        base.replace("\"retroRoomId\":" + room.id(), "\"retroRoomId\":999999") + "}", 404, "RETRO4041"),
                new Case("{}", 400, "RETRO4001"))) { // the first field at fault is projectName
            HttpResponse<String> refused = owner.post("/api/v1/retrospects", bad.body());
            assertThat(refused.statusCode()).as(bad.body()).isEqualTo(bad.status());
            assertThat(body(refused).path("code").asString()).as(bad.body()).isEqualTo(bad.code());
        }
        HttpResponse<String> outsider = member("createOutsider").post("/api/v1/retrospects", base + "}");
        assertThat(outsider.statusCode()).isEqualTo(403);
        assertThat(body(outsider).path("code").asString()).isEqualTo("RETRO4031");
        assertThat(count("SELECT COUNT(*) FROM retrospect")).isEqualTo(before);
    }

    @Test
    void aMemberTakesPartOnceAndOnlyBeforeTheStart() throws Exception {
        Browser owner = member("partOwner");
        RoomRef room = createRoom(owner, "part room");
        long retrospect = createRetrospect(owner, room.id(), "KPT", 1);

        assertThat(owner.post("/api/v1/retrospects/" + retrospect + "/participants", "")
                        .statusCode())
                .isEqualTo(200);
        HttpResponse<String> twice = owner.post("/api/v1/retrospects/" + retrospect + "/participants", "");
        assertThat(twice.statusCode()).isEqualTo(409);
        assertThat(body(twice).path("code").asString()).isEqualTo("RETRO4091");

        Browser late = member("partLate");
        join(late, room);
        update("UPDATE retrospect SET start_time = start_time - INTERVAL 30 DAY WHERE retrospect_id = " + retrospect);
        HttpResponse<String> started = late.post("/api/v1/retrospects/" + retrospect + "/participants", "");
        assertThat(started.statusCode()).isEqualTo(400);
        assertThat(body(started).path("code").asString()).isEqualTo("RETRO4002");
        assertThat(body(started).path("message").asString()).contains("이미 시작된");
    }

    @Test
    void submissionsAreCheckedAndHappenExactlyOnceUnderAStorm() throws Exception {
        Browser owner = member("submitOwner");
        RoomRef room = createRoom(owner, "submit room");
        long retrospect = createRetrospect(owner, room.id(), "PMI", 1);
        String path = "/api/v1/retrospects/" + retrospect + "/submit";

        HttpResponse<String> notParticipant = owner.post(path, answers("x"));
        assertThat(notParticipant.statusCode()).isEqualTo(403);
        assertThat(body(notParticipant).path("code").asString()).isEqualTo("RETRO4031");
        owner.post("/api/v1/retrospects/" + retrospect + "/participants", "");
        record Case(String body, String code) {}
        for (Case bad : List.of(
                new Case(answers("x").replace(",{\"questionNumber\":5,\"content\":\"x 5\"}", ""), "RETRO4002"),
                new Case(answers("x").replace("\"questionNumber\":5", "\"questionNumber\":4"), "RETRO4002"),
                new Case(answers("x").replace("\"x 3\"", "\"   \""), "RETRO4007"),
                new Case(answers("x").replace("\"x 3\"", "\"" + "가".repeat(1001) + "\""), "RETRO4003"),
                new Case(answers("x").replace("\"x 3\"", "null"), "RETRO4002"))) {
            HttpResponse<String> refused = owner.post(path, bad.body());
            assertThat(refused.statusCode()).as(bad.body()).isEqualTo(400);
            assertThat(body(refused).path("code").asString()).as(bad.body()).isEqualTo(bad.code());
        }
        assertThat(count("SELECT COUNT(*) FROM response WHERE retrospect_id = " + retrospect))
                .isZero();

        List<Callable<HttpResponse<String>>> submits = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String prefix = "attempt" + i;
            submits.add(() -> owner.post(path, answers(prefix)));
        }
        List<Integer> statuses = concurrently(submits);

        assertThat(statuses).filteredOn(status -> status == 200).hasSize(1);
        assertThat(statuses).filteredOn(status -> status == 403).hasSize(7);
        assertThat(count("SELECT COUNT(*) FROM response WHERE retrospect_id = " + retrospect))
                .isEqualTo(5);
        assertThat(count("SELECT COUNT(DISTINCT SUBSTRING_INDEX(content, ' ', 1)) FROM response WHERE retrospect_id = "
                        + retrospect))
                .isEqualTo(1); // all five answers are the winner's
        HttpResponse<String> draftAfter = owner.send(
                "PUT",
                "/api/v1/retrospects/" + retrospect + "/drafts",
                "{\"drafts\":[{\"questionNumber\":1,\"content\":\"late\"}]}",
                null);
        assertThat(draftAfter.statusCode()).isEqualTo(403);
        assertThat(body(draftAfter).path("code").asString()).isEqualTo("RETRO4033");
    }

    @Test
    void draftsAreCheckedToo() {
        Browser owner = member("draftOwner");
        RoomRef room = createRoom(owner, "draft room");
        long retrospect = createRetrospect(owner, room.id(), "FREE", 1);
        owner.post("/api/v1/retrospects/" + retrospect + "/participants", "");
        String path = "/api/v1/retrospects/" + retrospect + "/drafts";
        record Case(String body, String code) {}
        for (Case bad : List.of(
                new Case("{\"drafts\":[]}", "COMMON400"),
                new Case("{\"drafts\":[{\"questionNumber\":6,\"content\":\"x\"}]}", "COMMON400"),
                new Case("{\"drafts\":[{\"questionNumber\":1},{\"questionNumber\":1}]}", "COMMON400"),
                new Case(
                        "{\"drafts\":[{\"questionNumber\":1,\"content\":\"" + "x".repeat(1001) + "\"}]}",
                        "RETRO4003"))) {
            HttpResponse<String> refused = owner.send("PUT", path, bad.body(), null);
            assertThat(refused.statusCode()).as(bad.body()).isEqualTo(400);
            assertThat(body(refused).path("code").asString()).as(bad.body()).isEqualTo(bad.code());
        }
    }

    @Test
    void onlyTheRoomsOwnerOrTheCreatorDeletesARetrospectAndNeverTheRoom() throws Exception {
        Browser owner = member("delOwner");
        RoomRef room = createRoom(owner, "del room");
        Browser creator = member("delCreator");
        Browser bystander = member("delBystander");
        join(creator, room);
        join(bystander, room);
        long first = createRetrospect(creator, room.id(), "KPT", 1);
        long second = createRetrospect(creator, room.id(), "KPT", 2);

        HttpResponse<String> refused = bystander.send("DELETE", "/api/v1/retrospects/" + first, "", null);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(body(refused).path("code").asString()).isEqualTo("RETRO4031");
        assertThat(creator.send("DELETE", "/api/v1/retrospects/" + first, "", null)
                        .statusCode())
                .isEqualTo(200);
        assertThat(owner.send("DELETE", "/api/v1/retrospects/" + second, "", null)
                        .statusCode())
                .isEqualTo(200);
        assertThat(count("SELECT COUNT(*) FROM retro_room WHERE retro_room_id = " + room.id()))
                .isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM member_retro_room WHERE retro_room_id = " + room.id()))
                .isEqualTo(3);
        HttpResponse<String> outsider = member("delOutsider").send("DELETE", "/api/v1/retrospects/" + first, "", null);
        assertThat(outsider.statusCode()).isEqualTo(404);
    }

    @Test
    void outsidersCannotSeeARetrospectAtAll() {
        Browser owner = member("seeOwner");
        RoomRef room = createRoom(owner, "see room");
        long retrospect = createRetrospect(owner, room.id(), "FIVE_F", 1);
        Browser outsider = member("seeOutsider");

        for (String path : List.of(
                "/api/v1/retrospects/" + retrospect,
                "/api/v1/retrospects/" + retrospect + "/references",
                "/api/v1/retrospects/" + retrospect + "/responses")) {
            HttpResponse<String> refused = outsider.get(path);
            assertThat(refused.statusCode()).as(path).isEqualTo(404);
            assertThat(body(refused).path("code").asString()).as(path).isEqualTo("RETRO4041");
        }
        assertThat(outsider.post("/api/v1/retrospects/" + retrospect + "/participants", "")
                        .statusCode())
                .isEqualTo(404);
        assertThat(body(outsider.get("/api/v1/retrospects/search?keyword=sprint"))
                        .path("result"))
                .isEmpty();
    }

    @Test
    void storageAndSearchRefuseBadParameters() {
        Browser member = member("queryMember");
        HttpResponse<String> range = member.get("/api/v1/retrospects/storage?range=2_WEEKS");
        assertThat(range.statusCode()).isEqualTo(400);
        assertThat(body(range).path("code").asString()).isEqualTo("COMMON400");
        for (String keyword : List.of("", "%20%20", "x".repeat(21))) {
            HttpResponse<String> refused = member.get("/api/v1/retrospects/search?keyword=" + keyword);
            assertThat(refused.statusCode()).as(keyword).isEqualTo(400);
            assertThat(body(refused).path("code").asString()).isEqualTo("SEARCH4001");
        }
        assertThat(body(member.get("/api/v1/retrospects/search?keyword=%25")).path("result"))
                .isEmpty();
    }
}
