package dev.perfplatform.moalog.ai;

import dev.perfplatform.moalog.api.ApiResponse;
import dev.perfplatform.moalog.security.CurrentMember;
import dev.perfplatform.moalog.security.SignedIn;
import io.swagger.v3.oas.annotations.Parameter;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The AI endpoints: a retrospect's analysis (made once, then read back) and writing guides for one question. */
@RestController
public class AiController {

    /** The guide request: the member's draft, or nothing for the initial guides. */
    public record GuideRequest(@Nullable String content) {}

    private final AnalysisService analyses;
    private final GuideService guides;

    AiController(AnalysisService analyses, GuideService guides) {
        this.analyses = analyses;
        this.guides = guides;
    }

    @PostMapping("/api/v1/retrospects/{retrospectId}/analysis")
    public Mono<ApiResponse<Analysis>> analyse(
            @Parameter(hidden = true) @CurrentMember SignedIn me, @PathVariable long retrospectId) {
        return analyses.analyse(retrospectId, me.memberId()).map(ApiResponse::ok);
    }

    @GetMapping("/api/v1/retrospects/{retrospectId}/analysis")
    public Mono<ApiResponse<Analysis>> analysis(
            @Parameter(hidden = true) @CurrentMember SignedIn me, @PathVariable long retrospectId) {
        return analyses.find(retrospectId, me.memberId()).map(ApiResponse::ok);
    }

    @PostMapping("/api/v1/retrospects/{retrospectId}/questions/{questionId}/assistant")
    public Mono<ApiResponse<GuideService.Guides>> guide(
            @Parameter(hidden = true) @CurrentMember SignedIn me,
            @PathVariable long retrospectId,
            @PathVariable int questionId,
            @RequestBody(required = false) @Nullable GuideRequest body) {
        return guides.guide(retrospectId, questionId, me.memberId(), body == null ? null : body.content())
                .map(ApiResponse::ok);
    }
}
