package dev.perfplatform.moalog.export;

import static org.assertj.core.api.Assertions.assertThat;

import dev.perfplatform.moalog.Browser;
import dev.perfplatform.moalog.MoalogApplicationTestBase;
import dev.perfplatform.testing.http.RawHttpClient;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The PDF export end to end on a real MariaDB: what the report shows (read back with PDFBox's text extraction), what
 * it leaves out, long text wrapped onto more pages whole, and the refusals of anyone who may not read the retrospect.
 */
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(properties = "logging.level.dev.perfplatform.moalog.export=DEBUG")
class ExportIntegrationTests extends MoalogApplicationTestBase {

    private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
    private static final Pattern FILENAME =
            Pattern.compile("attachment; filename=\"retrospect_report_(\\d+)_(\\d{8}_\\d{6})\\.pdf\"");

    /** The PDF's bytes, its pages and its text. */
    @Test
    void aRoomMemberExportsTheRetrospectWithItsKoreanAnswersInsightsAndHeaders(CapturedOutput output) throws Exception {
        Browser owner = member("민수");
        RoomRef room = createRoom(owner, "모아로그 회고방");
        Browser mate = member("지영");
        Browser viewer = member("구경꾼"); // a member of the room who takes no part
        join(mate, room);
        join(viewer, room);
        long retrospect = createRetrospect(owner, room.id(), "FOUR_L", 1);
        owner.post("/api/v1/retrospects/" + retrospect + "/participants", "");
        mate.post("/api/v1/retrospects/" + retrospect + "/participants", "");
        submit(owner, retrospect, "배포 자동화가 좋았어요", "리액터를 배웠어요", "테스트가 부족했어요", "다음엔 더 일찍 시작해요", "모두 고생했어요");
        submit(mate, retrospect, "코드 리뷰가 꼼꼼했어요", "한글 PDF를 배웠어요", "문서가 부족했어요", "회고를 자주 하고 싶어요", "감사합니다");
        update("UPDATE retrospect SET insight = '팀은 자동화로 속도를 얻었고, 테스트에 더 투자하기로 했습니다.'" + " WHERE retrospect_id = "
                + retrospect);
        update("UPDATE member_retro p JOIN member m ON m.member_id = p.member_id"
                + " SET p.status = 'ANALYZED', p.personal_insight = CASE m.nickname"
                + " WHEN '민수' THEN '자동화: 반복 작업을 줄였습니다\\n테스트: 다음엔 먼저 작성해 보세요'"
                + " ELSE '리뷰: 꼼꼼한 리뷰로 팀을 도왔습니다' END"
                + " WHERE p.retrospect_id = " + retrospect);

        LocalDateTime before = LocalDateTime.now(SEOUL).withNano(0);
        long started = System.nanoTime();
        ExportedPdf pdf = ExportedPdf.fetch(base(), viewer, retrospect);
        long millis = (System.nanoTime() - started) / 1_000_000;
        LocalDateTime after = LocalDateTime.now(SEOUL);

        assertThat(pdf.response().statusCode()).isEqualTo(200);
        assertThat(pdf.response().headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(pdf.response().headers().firstValue("Cache-Control"))
                .hasValue("no-cache, no-store, must-revalidate");
        String disposition =
                pdf.response().headers().firstValue("Content-Disposition").orElseThrow();
        Matcher file = FILENAME.matcher(disposition);
        assertThat(file.matches()).as(disposition).isTrue();
        assertThat(Long.parseLong(file.group(1))).isEqualTo(retrospect);
        LocalDateTime stamp = LocalDateTime.parse(file.group(2), DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss"));
        assertThat(stamp).isBetween(before, after); // now, in the service's zone

        String date = LocalDate.now(SEOUL).plusDays(1).toString();
        assertThat(lines(pdf.text()))
                .containsSubsequence(
                        "sprint 1 - Retrospect Report",
                        "Basic Information",
                        "Retro Room: 모아로그 회고방",
                        "Date: " + date + " 19:00",
                        "Method: 4L",
                        "Participants (2):",
                        "- 민수",
                        "- 지영",
                        "Retro Room Insight",
                        "팀은 자동화로 속도를 얻었고, 테스트에 더 투자하기로 했습니다.",
                        "Questions & Answers",
                        "Q1. 프로젝트에서 좋았던 점은 무엇인가요?",
                        "- [민수] 배포 자동화가 좋았어요",
                        "- [지영] 코드 리뷰가 꼼꼼했어요",
                        "Q2. 새롭게 배운 것은 무엇인가요?",
                        "- [민수] 리액터를 배웠어요",
                        "- [지영] 한글 PDF를 배웠어요",
                        "Q5. 추가로 공유하고 싶은 의견이 있나요?",
                        "- [민수] 모두 고생했어요",
                        "- [지영] 감사합니다",
                        "Personal Insights",
                        "민수",
                        "자동화: 반복 작업을 줄였습니다",
                        "테스트: 다음엔 먼저 작성해 보세요",
                        "지영",
                        "리뷰: 꼼꼼한 리뷰로 팀을 도왔습니다");
        assertThat(pdf.text()).doesNotContain("구경꾼").doesNotContain("(No answers)");
        assertThat(pdf.pages()).isEqualTo(1);
        // laid out off the event loop
        assertThat(output.getOut())
                .containsPattern(
                        "retrospect " + retrospect + " exported: \\d+ bytes in \\d+ ms on" + " boundedElastic-\\d+");
        System.out.printf(
                "PDF export of retrospect %d: %d bytes, %d page(s), %d ms end to end%n",
                retrospect, pdf.response().body().length, pdf.pages(), millis);
    }

    @Test
    void draftsBlankAnswersAndAnUnanalysedInsightStayOutAndAWithdrawnParticipantIsTheWithdrawnMember()
            throws Exception {
        Browser owner = member("draftOwner");
        RoomRef room = createRoom(owner, "draft room");
        Browser drafter = member("drafter");
        Browser leaver = member("leaver");
        join(drafter, room);
        join(leaver, room);
        long retrospect = createRetrospect(owner, room.id(), "KPT", 1);
        drafter.post("/api/v1/retrospects/" + retrospect + "/participants", "");
        leaver.post("/api/v1/retrospects/" + retrospect + "/participants", "");
        assertThat(drafter.send(
                                "PUT",
                                "/api/v1/retrospects/" + retrospect + "/drafts",
                                "{\"drafts\":[{\"questionNumber\":1,\"content\":\"아직 비밀인 초안\"}]}",
                                null)
                        .statusCode())
                .isEqualTo(200);
        submit(leaver, retrospect, "떠나기 전 답변 하나", "떠나기 전 답변 둘", "떠나기 전 답변 셋", "떠나기 전 답변 넷", "빈 답변이 될 것");
        update("UPDATE response SET content = '  ' WHERE question_number = 5 AND retrospect_id = " + retrospect);
        assertThat(leaver.post("/api/v1/members/withdraw", "").statusCode()).isEqualTo(200);

        ExportedPdf pdf = ExportedPdf.fetch(base(), owner, retrospect);

        assertThat(pdf.response().statusCode()).isEqualTo(200);
        assertThat(lines(pdf.text()))
                .containsSubsequence(
                        "Method: KPT",
                        "Participants (2):",
                        "- drafter",
                        "- 탈퇴한 멤버",
                        "Q1. 계속 유지하고 싶은 좋은 점은 무엇인가요?",
                        "- [탈퇴한 멤버] 떠나기 전 답변 하나",
                        "Q4. 전체 프로젝트를 돌아보며 느낀 점을 자유롭게 작성해주세요.",
                        "- [탈퇴한 멤버] 떠나기 전 답변 넷",
                        "Q5. 추가로 공유하고 싶은 의견이 있나요?",
                        "(No answers)");
        assertThat(pdf.text())
                .doesNotContain("아직 비밀인 초안")
                .doesNotContain("leaver")
                .doesNotContain("Retro Room Insight")
                .doesNotContain("Personal Insights");
    }

    @Test
    void textTooLongForALineOrAPageIsWrappedOntoMorePagesAndNothingIsCutOff() throws Exception {
        Browser owner = member("longOwner");
        RoomRef room = createRoom(owner, "long room");
        long retrospect = createRetrospect(owner, room.id(), "PMI", 1);
        owner.post("/api/v1/retrospects/" + retrospect + "/participants", "");
        // a word wider than a line (a link, say) breaks inside itself, and none of it is lost
        String link = "https://moalog.me/" + "긴주소".repeat(60) + "/끝";
        List<String> words = new ArrayList<>();
        String[] answers = new String[5];
        for (int question = 1; question <= 5; question++) {
            StringBuilder answer = new StringBuilder(question == 5 ? link : "");
            for (int n = 0; answer.length() + 8 <= 1000; n++) { // answers are at most 1,000 characters
                String word = "낱말" + question + String.format("%03d", n);
                words.add(word);
                answer.append(answer.isEmpty() ? "" : " ").append(word);
            }
            answers[question - 1] = answer.toString();
        }
        submit(owner, retrospect, answers);
        String insight = "통찰" + "가나다라마바사".repeat(100);
        update("UPDATE retrospect SET insight = '" + insight + "' WHERE retrospect_id = " + retrospect);

        ExportedPdf pdf = ExportedPdf.fetch(base(), owner, retrospect);

        assertThat(pdf.response().statusCode()).isEqualTo(200);
        assertThat(pdf.pages()).isGreaterThan(1);
        Set<String> printed = new HashSet<>(Arrays.asList(pdf.text().split("\\s+")));
        assertThat(printed).containsAll(words);
        String joined = pdf.text().replaceAll("\\R", "");
        assertThat(joined).contains(link).contains(insight);
        for (String line : lines(pdf.text())) {
            assertThat(line.length()).as(line).isLessThan(120); // really wrapped, not drawn off the page
        }
    }

    @Test
    void anyoneWhoMayNotReadTheRetrospectIsRefusedAsWhenReadingIt() {
        Browser owner = member("refuseOwner");
        RoomRef room = createRoom(owner, "refuse room");
        long retrospect = createRetrospect(owner, room.id(), "FREE", 1);
        Browser outsider = member("refuseOutsider");

        for (Browser caller : List.of(outsider, browser())) {
            HttpResponse<String> reading = caller.get("/api/v1/retrospects/" + retrospect);
            HttpResponse<String> exporting = caller.get("/api/v1/retrospects/" + retrospect + "/export");
            assertThat(exporting.statusCode()).isEqualTo(reading.statusCode()).isIn(401, 404);
            assertThat(body(exporting).path("code").asString())
                    .isEqualTo(body(reading).path("code").asString());
            assertThat(body(exporting).path("isSuccess").asBoolean()).isFalse();
        }
        assertThat(outsider.get("/api/v1/retrospects/" + retrospect + "/export").statusCode())
                .isEqualTo(404);
        assertThat(browser()
                        .get("/api/v1/retrospects/" + retrospect + "/export")
                        .statusCode())
                .isEqualTo(401);
        HttpResponse<String> unknown = owner.get("/api/v1/retrospects/999999/export");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(body(unknown).path("code").asString()).isEqualTo("RETRO4041");
        assertThat(unknown.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        // a client that asks for the PDF alone is still told why in the envelope
        HttpResponse<String> asked = new RawHttpClient(base())
                .send(
                        "GET",
                        "/api/v1/retrospects/999999/export",
                        Map.of("Authorization", "Bearer " + owner.cookie("access_token"), "Accept", "application/pdf"),
                        "");
        assertThat(asked.statusCode()).isEqualTo(404);
        assertThat(body(asked).path("code").asString()).isEqualTo("RETRO4041");
        JsonNode documented = body(browser().get("/v3/api-docs"))
                .path("paths")
                .path("/api/v1/retrospects/{retrospectId}/export")
                .path("get")
                .path("responses")
                .path("200")
                .path("content");
        assertThat(documented.has("application/pdf")).as(documented.toString()).isTrue();
    }

    private void submit(Browser participant, long retrospect, String... contents) {
        List<Map<String, Object>> answers = new ArrayList<>();
        for (int i = 0; i < contents.length; i++) {
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("questionNumber", i + 1);
            answer.put("content", contents[i]);
            answers.add(answer);
        }
        HttpResponse<String> submitted = participant.post(
                "/api/v1/retrospects/" + retrospect + "/submit", json.writeValueAsString(Map.of("answers", answers)));
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(200);
    }

    private static List<String> lines(String text) {
        return Arrays.stream(text.split("\\R")).map(String::strip).toList();
    }
}
