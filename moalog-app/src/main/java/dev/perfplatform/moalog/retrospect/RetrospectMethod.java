package dev.perfplatform.moalog.retrospect;

import com.fasterxml.jackson.annotation.JsonCreator;
import dev.perfplatform.moalog.api.ApiException;
import dev.perfplatform.moalog.api.ErrorCode;
import java.util.List;

/** The five retrospect formats, each with its five questions (question numbers 1 to 5 by position). */
public enum RetrospectMethod {
    KPT(
            "계속 유지하고 싶은 좋은 점은 무엇인가요?",
            "개선이 필요한 문제점은 무엇인가요?",
            "다음에 시도해보고 싶은 것은 무엇인가요?",
            "전체 프로젝트를 돌아보며 느낀 점을 자유롭게 작성해주세요.",
            "추가로 공유하고 싶은 의견이 있나요?"),
    FOUR_L("프로젝트에서 좋았던 점은 무엇인가요?", "새롭게 배운 것은 무엇인가요?", "부족했던 점은 무엇인가요?", "앞으로 바라는 것은 무엇인가요?", "추가로 공유하고 싶은 의견이 있나요?"),
    FIVE_F(
            "프로젝트의 객관적 사실은 무엇인가요?",
            "프로젝트 진행 중 어떤 감정을 느꼈나요?",
            "프로젝트에서 발견한 것은 무엇인가요?",
            "앞으로 어떻게 적용할 수 있을까요?",
            "팀원에게 전하고 싶은 피드백이 있나요?"),
    PMI(
            "긍정적이었던 점은 무엇인가요?",
            "부정적이었던 점은 무엇인가요?",
            "흥미로웠던 점은 무엇인가요?",
            "전체 프로젝트를 돌아보며 느낀 점을 자유롭게 작성해주세요.",
            "추가로 공유하고 싶은 의견이 있나요?"),
    FREE(
            "이번 프로젝트에서 가장 기억에 남는 것은 무엇인가요?",
            "프로젝트를 진행하며 어떤 생각이 들었나요?",
            "다음 프로젝트에서 개선하고 싶은 점은 무엇인가요?",
            "팀원들에게 전하고 싶은 말이 있나요?",
            "추가로 공유하고 싶은 의견이 있나요?");

    /** Every format has exactly this many questions. */
    public static final int QUESTIONS = 5;

    @SuppressWarnings("ImmutableEnumChecker") // List.of: unmodifiable
    private final List<String> questions;

    RetrospectMethod(String... questions) {
        this.questions = List.of(questions);
    }

    /** Question {@code number} (1 to {@value #QUESTIONS}). */
    public String question(int number) {
        return questions.get(number - 1);
    }

    public List<String> questions() {
        return questions;
    }

    /** The format named exactly, as the API spells it; {@code RETRO4005} otherwise. */
    @JsonCreator
    public static RetrospectMethod of(String name) {
        for (RetrospectMethod method : values()) {
            if (method.name().equals(name)) {
                return method;
            }
        }
        throw new ApiException(ErrorCode.METHOD_INVALID);
    }
}
