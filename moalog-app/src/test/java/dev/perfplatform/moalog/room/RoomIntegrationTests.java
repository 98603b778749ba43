package dev.perfplatform.moalog.room;

import static org.assertj.core.api.Assertions.assertThat;

import dev.perfplatform.moalog.Browser;
import dev.perfplatform.moalog.MoalogApplicationTestBase;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Rooms end to end on a real MariaDB: every endpoint's happy path and each of its documented codes. */
class RoomIntegrationTests extends MoalogApplicationTestBase {

    @Test
    void aNewRoomHasItsCreatorAsOwnerAnInviteCodeAndComesLastInItsList() {
        Browser owner = member("roomOwner1");

        HttpResponse<String> created =
                owner.post("/api/v1/retro-rooms", "{\"title\":\" 우리 팀 \",\"description\":\"매주 회고\"}");

        assertThat(created.statusCode()).isEqualTo(200);
        JsonNode result = body(created).path("result");
        assertThat(result.path("title").asString()).isEqualTo("우리 팀");
        assertThat(result.path("inviteCode").asString()).matches("INV-[A-Z0-9]{4}-[A-Z0-9]{4}");
        createRoom(owner, "두번째");
        JsonNode list = body(owner.get("/api/v1/retro-rooms")).path("result");
        assertThat(list).hasSize(2);
        assertThat(list.get(0).path("retroRoomName").asString()).isEqualTo("우리 팀");
        assertThat(list.get(0).path("orderIndex").asInt()).isEqualTo(1);
        assertThat(list.get(1).path("orderIndex").asInt()).isEqualTo(2);
        JsonNode members = body(owner.get(
                        "/api/v1/retro-rooms/" + result.path("retroRoomId").asLong() + "/members"))
                .path("result");
        assertThat(members).hasSize(1);
        assertThat(members.get(0).path("role").asString()).isEqualTo("OWNER");
        assertThat(members.get(0).path("nickname").asString()).isEqualTo("roomOwner1");
    }

    @Test
    void titlesAreUniquePerOwnerNotAcrossOwners() throws Exception {
        Browser first = member("titleA");
        Browser second = member("titleB");
        createRoom(first, "같은이름");
        long rooms = count("SELECT COUNT(*) FROM retro_room");

        HttpResponse<String> again = first.post("/api/v1/retro-rooms", "{\"title\":\"같은이름\"}");

        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(body(again).path("code").asString()).isEqualTo("RETRO4091");
        assertThat(count("SELECT COUNT(*) FROM retro_room")).isEqualTo(rooms);
        assertThat(second.post("/api/v1/retro-rooms", "{\"title\":\"같은이름\"}").statusCode())
                .isEqualTo(200);
    }

    @Test
    void badTitlesAndDescriptionsAreRefusedWithTheirCodesAndWriteNothing() throws Exception {
        Browser owner = member("badTitles");
        long rooms = count("SELECT COUNT(*) FROM retro_room");
        for (String body : List.of(
                "{\"title\":\"\"}",
                "{\"title\":\"   \"}",
                "{\"title\":\"" + "가".repeat(21) + "\"}",
                "{}",
                "{\"title\":7}")) {
            HttpResponse<String> refused = owner.post("/api/v1/retro-rooms", body);
            assertThat(refused.statusCode()).as(body).isEqualTo(400);
            assertThat(body(refused).path("code").asString()).as(body).isEqualTo("RETRO4001");
        }
        HttpResponse<String> description =
                owner.post("/api/v1/retro-rooms", "{\"title\":\"ok\",\"description\":\"" + "x".repeat(51) + "\"}");
        assertThat(description.statusCode()).isEqualTo(400);
        assertThat(body(description).path("code").asString()).isEqualTo("COMMON400");
        assertThat(count("SELECT COUNT(*) FROM retro_room")).isEqualTo(rooms);
    }

    @Test
    void aMemberJoinsByLinkOrByCodeOnce() {
        Browser owner = member("joinOwner");
        RoomRef room = createRoom(owner, "join room");
        Browser byLink = member("byLink");
        Browser byCode = member("byCode");

        HttpResponse<String> joined = byLink.post(
                "/api/v1/retro-rooms/join",
                "{\"inviteUrl\":\"https://moalog.me/join?code="
                        + room.inviteCode().toLowerCase(java.util.Locale.ROOT) + "\"}");
        assertThat(joined.statusCode()).isEqualTo(200);
        JsonNode result = body(joined).path("result");
        assertThat(result.path("retroRoomId").asLong()).isEqualTo(room.id());
        assertThat(result.path("title").asString()).isEqualTo("join room");
        assertThat(result.path("joinedAt").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d");
        assertThat(byCode.post("/api/v1/retro-rooms/join", "{\"inviteUrl\":\"" + room.inviteCode() + "\"}")
                        .statusCode())
                .isEqualTo(200);

        HttpResponse<String> again =
                byCode.post("/api/v1/retro-rooms/join", "{\"inviteUrl\":\"" + room.inviteCode() + "\"}");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(body(again).path("code").asString()).isEqualTo("RETRO4092");
        JsonNode members =
                body(owner.get("/api/v1/retro-rooms/" + room.id() + "/members")).path("result");
        assertThat(members)
                .extracting(member -> member.path("nickname").asString())
                .containsExactly("joinOwner", "byLink", "byCode");
    }

    @Test
    void concurrentJoinsOfOneMemberGiveOneMembership() throws Exception {
        Browser owner = member("stormOwner");
        RoomRef room = createRoom(owner, "storm room");
        Browser joiner = member("stormJoiner");
        List<Callable<HttpResponse<String>>> joins = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            joins.add(() -> joiner.post("/api/v1/retro-rooms/join", "{\"inviteUrl\":\"" + room.inviteCode() + "\"}"));
        }

        List<Integer> statuses = concurrently(joins);

        assertThat(statuses).filteredOn(status -> status == 200).hasSize(1);
        assertThat(statuses).filteredOn(status -> status == 409).hasSize(7);
        assertThat(count("SELECT COUNT(*) FROM member_retro_room WHERE retro_room_id = " + room.id()))
                .isEqualTo(2);
    }

    @Test
    void invalidUnknownAndExpiredInvitesAreRefusedWithTheirCodes() throws Exception {
        Browser owner = member("inviteOwner");
        RoomRef room = createRoom(owner, "invite room");
        Browser joiner = member("inviteJoiner");

        HttpResponse<String> invalid = joiner.post("/api/v1/retro-rooms/join", "{\"inviteUrl\":\"https://x/y\"}");
        assertThat(body(invalid).path("code").asString()).isEqualTo("RETRO4002");
        assertThat(invalid.statusCode()).isEqualTo(400);
        HttpResponse<String> unknown = joiner.post("/api/v1/retro-rooms/join", "{\"inviteUrl\":\"INV-ZZZZ-ZZZZ\"}");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(body(unknown).path("code").asString()).isEqualTo("RETRO4041");
        update("UPDATE retro_room SET invite_code_created_at = invite_code_created_at - INTERVAL 7 DAY"
                + " WHERE retro_room_id = " + room.id());
        HttpResponse<String> expired =
                joiner.post("/api/v1/retro-rooms/join", "{\"inviteUrl\":\"" + room.inviteCode() + "\"}");
        assertThat(expired.statusCode()).isEqualTo(400);
        assertThat(body(expired).path("code").asString()).isEqualTo("RETRO4003");
        assertThat(body(expired).path("message").asString()).contains("만료");
        assertThat(count("SELECT COUNT(*) FROM member_retro_room WHERE retro_room_id = " + room.id()))
                .isEqualTo(1);
    }

    @Test
    void theOwnerRegeneratesTheInviteAndTheOldOneStopsWorking() {
        Browser owner = member("regenOwner");
        RoomRef room = createRoom(owner, "regen room");
        Browser member = member("regenMember");
        join(member, room);

        HttpResponse<String> refused = member.post("/api/v1/retro-rooms/" + room.id() + "/invite-code", "");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(body(refused).path("code").asString()).isEqualTo("RETRO4031");
        HttpResponse<String> regenerated = owner.post("/api/v1/retro-rooms/" + room.id() + "/invite-code", "");
        assertThat(regenerated.statusCode()).isEqualTo(200);
        String fresh = body(regenerated).path("result").path("inviteCode").asString();
        assertThat(fresh).isNotEqualTo(room.inviteCode()).matches("INV-[A-Z0-9]{4}-[A-Z0-9]{4}");

        Browser late = member("regenLate");
        assertThat(late.post("/api/v1/retro-rooms/join", "{\"inviteUrl\":\"" + room.inviteCode() + "\"}")
                        .statusCode())
                .isEqualTo(404);
        assertThat(late.post("/api/v1/retro-rooms/join", "{\"inviteUrl\":\"" + fresh + "\"}")
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void membersSeeTheMemberListOutsidersAreRefused() {
        Browser owner = member("listOwner");
        RoomRef room = createRoom(owner, "list room");
        Browser outsider = member("outsider1");

        HttpResponse<String> refused = outsider.get("/api/v1/retro-rooms/" + room.id() + "/members");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(body(refused).path("code").asString()).isEqualTo("RETRO4031");
        HttpResponse<String> missing = outsider.get("/api/v1/retro-rooms/999999/members");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(body(missing).path("code").asString()).isEqualTo("RETRO4041");
    }

    @Test
    void reorderingIsAllOrNothing() throws Exception {
        Browser owner = member("orderOwner");
        RoomRef a = createRoom(owner, "a");
        RoomRef b = createRoom(owner, "b");
        RoomRef foreign = createRoom(member("orderOther"), "c");

        HttpResponse<String> swapped = owner.send(
                "PATCH",
                "/api/v1/retro-rooms/order",
                "{\"retroRoomOrders\":[{\"retroRoomId\":" + a.id() + ",\"orderIndex\":2},{\"retroRoomId\":" + b.id()
                        + ",\"orderIndex\":1}]}",
                null);
        assertThat(swapped.statusCode()).isEqualTo(200);
        JsonNode list = body(owner.get("/api/v1/retro-rooms")).path("result");
        assertThat(list.get(0).path("retroRoomId").asLong()).isEqualTo(b.id());

        for (String body : List.of(
                "{\"retroRoomOrders\":[{\"retroRoomId\":" + a.id() + ",\"orderIndex\":1},{\"retroRoomId\":" + b.id()
                        + ",\"orderIndex\":1}]}",
                "{\"retroRoomOrders\":[]}",
                "{\"retroRoomOrders\":[{\"retroRoomId\":0,\"orderIndex\":1}]}",
                "{\"retroRoomOrders\":[{\"retroRoomId\":" + a.id() + ",\"orderIndex\":0}]}")) {
            HttpResponse<String> refused = owner.send("PATCH", "/api/v1/retro-rooms/order", body, null);
            assertThat(refused.statusCode()).as(body).isEqualTo(400);
            assertThat(body(refused).path("code").asString()).as(body).isEqualTo("RETRO4004");
        }
        HttpResponse<String> foreignRoom = owner.send(
                "PATCH",
                "/api/v1/retro-rooms/order",
                "{\"retroRoomOrders\":[{\"retroRoomId\":" + a.id() + ",\"orderIndex\":5},{\"retroRoomId\":"
                        + foreign.id() + ",\"orderIndex\":6}]}",
                null);
        assertThat(foreignRoom.statusCode()).isEqualTo(403);
        assertThat(count("SELECT order_index FROM member_retro_room WHERE retro_room_id = " + a.id()))
                .isEqualTo(2); // the first item's change was rolled back with the refusal
    }

    @Test
    void onlyTheOwnerRenamesAndDeletes() throws Exception {
        Browser owner = member("renameOwner");
        RoomRef room = createRoom(owner, "before");
        createRoom(owner, "taken name");
        Browser member = member("renameMember");
        join(member, room);
        long retrospect = createRetrospect(member, room.id(), "KPT", 3);

        HttpResponse<String> byMember =
                member.send("PATCH", "/api/v1/retro-rooms/" + room.id() + "/name", "{\"name\":\"hijack\"}", null);
        assertThat(byMember.statusCode()).isEqualTo(403);
        assertThat(body(byMember).path("code").asString()).isEqualTo("RETRO4031");
        HttpResponse<String> taken =
                owner.send("PATCH", "/api/v1/retro-rooms/" + room.id() + "/name", "{\"name\":\"taken name\"}", null);
        assertThat(taken.statusCode()).isEqualTo(409);
        assertThat(body(taken).path("code").asString()).isEqualTo("RETRO4091");
        HttpResponse<String> renamed =
                owner.send("PATCH", "/api/v1/retro-rooms/" + room.id() + "/name", "{\"name\":\"after\"}", null);
        assertThat(renamed.statusCode()).isEqualTo(200);
        assertThat(body(renamed).path("result").path("retroRoomName").asString())
                .isEqualTo("after");

        assertThat(member.send("DELETE", "/api/v1/retro-rooms/" + room.id(), "", null)
                        .statusCode())
                .isEqualTo(403);
        HttpResponse<String> deleted = owner.send("DELETE", "/api/v1/retro-rooms/" + room.id(), "", null);
        assertThat(deleted.statusCode()).isEqualTo(200);
        assertThat(body(deleted).path("result").path("retroRoomId").asLong()).isEqualTo(room.id());
        assertThat(count("SELECT COUNT(*) FROM retro_room WHERE retro_room_id = " + room.id()))
                .isZero();
        assertThat(count("SELECT COUNT(*) FROM retrospect WHERE retrospect_id = " + retrospect))
                .isZero();
        assertThat(count("SELECT COUNT(*) FROM member_retro_room WHERE retro_room_id = " + room.id()))
                .isZero();
    }

    @Test
    void anOwnerWhoWithdrawsHandsEachRoomToItsLongestStandingMemberOrDeletesItWhenAlone() throws Exception {
        Browser owner = member("leavingOwner");
        RoomRef shared = createRoom(owner, "handed over");
        RoomRef alone = createRoom(owner, "only mine");
        Browser first = member("firstJoiner");
        Browser second = member("secondJoiner");
        join(first, shared);
        join(second, shared);
        long retrospect = createRetrospect(owner, shared.id(), "KPT", 3);
        // the first joiner already owns a room of that title, so it cannot take this one: the second does
        createRoom(first, "handed over");

        assertThat(owner.post("/api/v1/members/withdraw", "").statusCode()).isEqualTo(200);

        JsonNode members = body(second.get("/api/v1/retro-rooms/" + shared.id() + "/members"))
                .path("result");
        assertThat(members.get(0).path("nickname").asString()).isEqualTo("secondJoiner");
        assertThat(members.get(0).path("role").asString()).isEqualTo("OWNER");
        assertThat(members.get(1).path("role").asString()).isEqualTo("MEMBER");
        HttpResponse<String> renamed =
                second.send("PATCH", "/api/v1/retro-rooms/" + shared.id() + "/name", "{\"name\":\"new owner\"}", null);
        assertThat(renamed.statusCode()).as(renamed.body()).isEqualTo(200);
        assertThat(count("SELECT COUNT(*) FROM retrospect WHERE retrospect_id = " + retrospect))
                .isOne();
        assertThat(count("SELECT COUNT(*) FROM retro_room WHERE retro_room_id = " + alone.id()))
                .isZero();
    }
}
