package dev.perfplatform.moalog.ai;

import static org.assertj.core.api.Assertions.assertThat;

import dev.perfplatform.moalog.Browser;
import dev.perfplatform.moalog.MoalogApplicationTestBase;
import java.net.http.HttpResponse;

/** What the AI tests share: retrospects ready for analysis, the AI paths, and each member's charged uses. */
abstract class AiTestBase extends MoalogApplicationTestBase {

    protected static final String WARM_ANSWERS = "{\"answers\":["
            + "{\"questionNumber\":1,\"content\":\"매일 아침 짧게 공유한 게 정말 좋았어요\"},"
            + "{\"questionNumber\":2,\"content\":\"마감 직전에 야근이 많아서 힘들었어요\"},"
            + "{\"questionNumber\":3,\"content\":\"다음에는 테스트를 먼저 써 보고 싶어요\"},"
            + "{\"questionNumber\":4,\"content\":\"새로운 도구를 많이 배웠어요\"},"
            + "{\"questionNumber\":5,\"content\":\"함께해 준 팀원들에게 감사해요\"}]}";

    /** A retrospect of {@code room} that every one of {@code participants} joined and submitted. */
    protected long submittedRetrospect(RoomRef room, Browser... participants) throws Exception {
        long retrospect = createRetrospect(participants[0], room.id(), "KPT", 2);
        for (Browser participant : participants) {
            participant.post("/api/v1/retrospects/" + retrospect + "/participants", "");
            HttpResponse<String> submitted =
                    participant.post("/api/v1/retrospects/" + retrospect + "/submit", WARM_ANSWERS);
            assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(200);
        }
        return retrospect;
    }

    protected long memberId(Browser member) {
        return body(member.get("/api/v1/members/me"))
                .path("result")
                .path("memberId")
                .asLong();
    }

    protected long analysesUsed(Browser member) throws Exception {
        return count("SELECT COALESCE(SUM(used), 0) FROM ai_usage WHERE kind = 'ANALYSIS' AND member_id = "
                + memberId(member));
    }
}
