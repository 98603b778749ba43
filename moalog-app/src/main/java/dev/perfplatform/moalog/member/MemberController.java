package dev.perfplatform.moalog.member;

import dev.perfplatform.moalog.api.ApiException;
import dev.perfplatform.moalog.api.ApiResponse;
import dev.perfplatform.moalog.api.ApiTimes;
import dev.perfplatform.moalog.api.ErrorCode;
import dev.perfplatform.moalog.security.CurrentMember;
import dev.perfplatform.moalog.security.SignedIn;
import io.swagger.v3.oas.annotations.Parameter;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** {@code GET /api/v1/members/me}: the signed-in member's account. */
@RestController
public class MemberController {

    private final MemberRepository members;
    private final ApiTimes times;

    public MemberController(MemberRepository members, ApiTimes times) {
        this.members = members;
        this.times = times;
    }

    /** The answer's {@code result}. */
    public record MemberDetails(
            long memberId, String email, String nickname, int insightCount, SocialType socialType, String createdAt) {}

    @GetMapping("/api/v1/members/me")
    public Mono<ApiResponse<MemberDetails>> me(@Parameter(hidden = true) @CurrentMember SignedIn me) {
        return members.find(me.memberId())
                .switchIfEmpty(Mono.error(new ApiException(ErrorCode.MEMBER_NOT_FOUND)))
                .map(member -> ApiResponse.ok(new MemberDetails(
                        member.memberId(),
                        member.email(),
                        member.nickname(),
                        member.insightCount(),
                        member.socialType(),
                        times.dateTime(member.createdAt()))));
    }
}
