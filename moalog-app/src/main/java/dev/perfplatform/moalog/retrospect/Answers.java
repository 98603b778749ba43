package dev.perfplatform.moalog.retrospect;

import dev.perfplatform.moalog.api.ApiException;
import dev.perfplatform.moalog.api.ErrorCode;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The rules of answers: question numbers 1 to 5, each once; at most 1,000 characters; a submission all five, none blank. */
final class Answers {

    static final int MAX_LENGTH = 1000;

    private Answers() {}

    static void checkDrafts(List<RetrospectRequests.Answer> drafts) {
        checkNumbers(drafts, ErrorCode.BAD_REQUEST);
        for (RetrospectRequests.Answer draft : drafts) {
            if (draft.content() != null
                    && draft.content().codePointCount(0, draft.content().length()) > MAX_LENGTH) {
                throw new ApiException(ErrorCode.ANSWER_TOO_LONG);
            }
        }
    }

    static void checkSubmission(List<RetrospectRequests.Answer> answers) {
        if (answers.size() != RetrospectMethod.QUESTIONS) {
            throw new ApiException(ErrorCode.ANSWERS_MISSING);
        }
        checkNumbers(answers, ErrorCode.ANSWERS_MISSING);
        for (RetrospectRequests.Answer answer : answers) {
            String content = answer.content();
            if (content == null || content.isEmpty()) {
                throw new ApiException(ErrorCode.ANSWERS_MISSING);
            }
            if (content.isBlank()) {
                throw new ApiException(ErrorCode.ANSWER_BLANK);
            }
            if (content.codePointCount(0, content.length()) > MAX_LENGTH) {
                throw new ApiException(ErrorCode.ANSWER_TOO_LONG);
            }
        }
    }

    private static void checkNumbers(List<RetrospectRequests.Answer> answers, ErrorCode code) {
        Set<Integer> seen = new HashSet<>();
        for (RetrospectRequests.Answer answer : answers) {
            int number = answer.questionNumber();
            if (number < 1 || number > RetrospectMethod.QUESTIONS || !seen.add(number)) {
                throw new ApiException(code, "questionNumber는 1~5이며 한 번씩만 올 수 있습니다.");
            }
        }
    }
}
