package dev.perfplatform.moalog.response;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.perfplatform.moalog.api.ApiException;
import dev.perfplatform.moalog.api.ApiResponse;
import dev.perfplatform.moalog.api.ApiTimes;
import dev.perfplatform.moalog.api.ErrorCode;
import dev.perfplatform.moalog.retrospect.RetrospectController;
import dev.perfplatform.moalog.security.CurrentMember;
import dev.perfplatform.moalog.security.SignedIn;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** A retrospect's answers, and each answer's comments and likes. */
@RestController
public class ResponseController {

    static final int MAX_COMMENT = 200;

    private final ResponseService responses;
    private final ApiTimes times;

    public ResponseController(ResponseService responses, ApiTimes times) {
        this.responses = responses;
        this.times = times;
    }

    public record Answers(
            List<AnswerItem> responses,
            boolean hasNext,
            @Nullable Long nextCursor) {}

    public record AnswerItem(long responseId, String userName, String content, long likeCount, long commentCount) {}

    public record Comments(
            List<CommentItem> comments,
            boolean hasNext,
            @Nullable Long nextCursor) {}

    public record CommentItem(
            long commentId, @Nullable Long memberId, String userName, String content, String createdAt) {}

    public record NewComment(
            @NotNull(message = "댓글 내용은 필수입니다.") String content) {}

    public record Commented(long commentId, long responseId, String content, String createdAt) {}

    public record Liked(
            long responseId, @JsonProperty("isLiked") boolean isLiked, long totalLikes) {}

    @GetMapping("/api/v1/retrospects/{retrospectId}/responses")
    public Mono<ApiResponse<Answers>> answers(
            @Parameter(hidden = true) @CurrentMember SignedIn me,
            @PathVariable long retrospectId,
            @RequestParam(name = "category", defaultValue = "ALL") String category,
            @RequestParam(name = "cursor", required = false) @Nullable Long cursor,
            @RequestParam(name = "size", required = false) @Nullable Integer size) {
        Integer question = question(category);
        int pageSize = CursorPage.size(size, 10);
        return responses
                .answers(retrospectId, me.memberId(), question, CursorPage.cursor(cursor), pageSize)
                .map(page -> ApiResponse.ok(new Answers(
                        page.items().stream()
                                .map(answer -> new AnswerItem(
                                        answer.responseId(),
                                        answer.nickname() == null ? RetrospectController.WITHDRAWN : answer.nickname(),
                                        answer.content(),
                                        answer.likes(),
                                        answer.comments()))
                                .toList(),
                        page.hasNext(),
                        page.nextCursor())));
    }

    @GetMapping("/api/v1/responses/{responseId}/comments")
    public Mono<ApiResponse<Comments>> comments(
            @Parameter(hidden = true) @CurrentMember SignedIn me,
            @PathVariable long responseId,
            @RequestParam(name = "cursor", required = false) @Nullable Long cursor,
            @RequestParam(name = "size", required = false) @Nullable Integer size) {
        int pageSize = CursorPage.size(size, 20);
        return responses
                .comments(responseId, me.memberId(), CursorPage.cursor(cursor), pageSize)
                .map(page -> ApiResponse.ok(new Comments(
                        page.items().stream()
                                .map(comment -> new CommentItem(
                                        comment.commentId(),
                                        comment.memberId(),
                                        comment.nickname() == null
                                                ? RetrospectController.WITHDRAWN
                                                : comment.nickname(),
                                        comment.content(),
                                        times.dateTime(comment.createdAt())))
                                .toList(),
                        page.hasNext(),
                        page.nextCursor())));
    }

    @PostMapping("/api/v1/responses/{responseId}/comments")
    public Mono<ApiResponse<Commented>> comment(
            @Parameter(hidden = true) @CurrentMember SignedIn me,
            @PathVariable long responseId,
            @Valid @RequestBody NewComment body) {
        String content = body.content().strip();
        if (content.isEmpty()) {
            throw new ApiException(ErrorCode.BAD_REQUEST, "댓글 내용은 공백일 수 없습니다.");
        }
        if (content.codePointCount(0, content.length()) > MAX_COMMENT) {
            throw new ApiException(ErrorCode.COMMENT_INVALID);
        }
        return responses
                .comment(responseId, me.memberId(), content)
                .map(comment -> ApiResponse.ok(new Commented(
                        comment.commentId(), responseId, comment.content(), times.dateTime(comment.createdAt()))));
    }

    @PostMapping("/api/v1/responses/{responseId}/likes")
    public Mono<ApiResponse<Liked>> like(
            @Parameter(hidden = true) @CurrentMember SignedIn me, @PathVariable long responseId) {
        return responses
                .toggleLike(responseId, me.memberId())
                .map(like -> ApiResponse.ok(new Liked(like.responseId(), like.liked(), like.total())));
    }

    /** {@code ALL} (null) or {@code QUESTION_1} to {@code QUESTION_5}; {@code RETRO4004} otherwise. */
    private static @Nullable Integer question(String category) {
        if (category.equals("ALL")) {
            return null;
        }
        if (category.matches("QUESTION_[1-5]")) {
            return category.charAt(category.length() - 1) - '0';
        }
        throw new ApiException(ErrorCode.INVALID_CATEGORY);
    }
}
