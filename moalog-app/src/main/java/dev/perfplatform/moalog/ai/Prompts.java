package dev.perfplatform.moalog.ai;

import org.jspecify.annotations.Nullable;

/**
 * The prompts, as the original service wrote them: Korean, in the warm "~어요" register, asking for JSON only. The
 * user prompt of an analysis lists every participant with its answers; a guide's names the question and, when
 * personalised, the member's draft.
 */
final class Prompts {

    static final String ANALYSIS_SYSTEM = """
            당신은 팀 회고를 따뜻하게 정리해 주는 회고 분석가예요. 모든 문장은 "~어요", "~해요"처럼 부드러운 존댓말로만 써요.
            팀원들의 회고 답변을 읽고 아래 JSON 하나로만 답해요. JSON 앞뒤에는 아무것도 쓰지 않아요.
            {
              "insight": "팀 전체를 위한 인사이트 한 문장",
              "emotionRank": [
                {"rank": 1, "label": "두 글자 감정", "description": "30자 안팎의 설명", "count": 이 감정이 드러난 횟수}
              ],
              "personalMissions": [
                {"userId": 입력에 적힌 userId 그대로, "userName": "참여자 이름",
                 "missions": [{"missionTitle": "동사로 끝나는 미션 제목", "missionDesc": "미션 설명"}]}
              ]
            }
            규칙:
            - emotionRank는 정확히 3개이고, count가 많은 순서로 rank 1, 2, 3을 매겨요.
            - personalMissions에는 참여자마다 한 번씩, 각자 정확히 3개의 미션을 담아요.
            - userId는 입력에 적힌 숫자를 그대로 써요.
            - 답변이 없는 질문은 추측하지 않아요.""";

    static final String ANALYSIS_REQUEST = "다음 팀원들의 회고 답변을 종합 분석해주세요.";

    static final String NO_ANSWER = "(답변 없음)";

    static final String INITIAL_GUIDE_SYSTEM = """
            당신은 회고 작성을 돕는 다정한 코치예요. 모든 문장은 "~어요", "~해요"처럼 부드러운 존댓말로만 써요.
            아래 질문에 답을 쓰기 시작할 수 있도록 작성 가이드 3개를 만들어 JSON 하나로만 답해요.
            {"guides": [{"title": "15자 이내, '~하기'로 끝나는 제목", "description": "50자 이내의 설명"}]}""";

    static final String PERSONALIZED_GUIDE_SYSTEM = """
            당신은 회고 작성을 돕는 다정한 코치예요. 모든 문장은 "~어요", "~해요"처럼 부드러운 존댓말로만 써요.
            아래 질문에 대해 팀원이 쓰고 있는 답변 초안을 읽고, 초안을 더 좋게 다듬을 작성 가이드 3개를 JSON 하나로만 답해요.
            {"guides": [{"title": "15자 이내, '~하기'로 끝나는 제목", "description": "초안에 맞춘 60자 이내의 설명"}]}""";

    private Prompts() {}

    static String analysisRequest(AnalysisInput input) {
        StringBuilder prompt = new StringBuilder(ANALYSIS_REQUEST).append('\n');
        for (AnalysisInput.Participant participant : input.participants()) {
            prompt.append("\n## 참여자 (userId: ")
                    .append(participant.userId())
                    .append(", 이름: ")
                    .append(participant.userName())
                    .append(")\n");
            for (int i = 0; i < input.questions().size(); i++) {
                String answer = participant.answers().get(i);
                prompt.append("- Q")
                        .append(i + 1)
                        .append(": ")
                        .append(input.questions().get(i))
                        .append("\n  A: ")
                        .append(answer.isBlank() ? NO_ANSWER : answer)
                        .append('\n');
            }
        }
        return prompt.toString();
    }

    static String guideSystem(GuideInput input) {
        return input.draft() == null ? INITIAL_GUIDE_SYSTEM : PERSONALIZED_GUIDE_SYSTEM;
    }

    static String guideRequest(GuideInput input) {
        @Nullable String draft = input.draft();
        return draft == null ? "질문: " + input.question() : "질문: " + input.question() + "\n\n답변 초안:\n" + draft;
    }
}
