package dev.perfplatform.moalog.auth;

import dev.perfplatform.moalog.api.ApiException;
import dev.perfplatform.moalog.api.ApiResponse;
import dev.perfplatform.moalog.api.ErrorCode;
import dev.perfplatform.moalog.member.MemberRepository;
import dev.perfplatform.moalog.security.AuthCookieNames;
import dev.perfplatform.moalog.security.CurrentMember;
import dev.perfplatform.moalog.security.MemberAuthentications;
import dev.perfplatform.moalog.security.SignedIn;
import io.swagger.v3.oas.annotations.Parameter;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * {@code POST /api/v1/members/withdraw}: deletes the member at once. Its sign-ins end with it (their families are
 * deleted by the foreign key) and its access tokens stop working on this instance immediately, elsewhere within
 * seconds ({@link MemberAuthentications}); its answers and comments stay, without an author.
 */
@RestController
public class WithdrawalController {

    private final MemberRepository members;
    private final MemberAuthentications authentications;
    private final AuthCookies cookies;

    public WithdrawalController(MemberRepository members, MemberAuthentications authentications, AuthCookies cookies) {
        this.members = members;
        this.authentications = authentications;
        this.cookies = cookies;
    }

    @PostMapping("/api/v1/members/withdraw")
    public Mono<ApiResponse<Void>> withdraw(
            @Parameter(hidden = true) @CurrentMember SignedIn me, ServerWebExchange exchange) {
        return members.delete(me.memberId()).map(deleted -> {
            authentications.forget(me.memberId());
            if (!deleted) {
                throw new ApiException(ErrorCode.MEMBER_NOT_FOUND);
            }
            cookies.clear(exchange.getResponse(), AuthCookieNames.ACCESS, AuthCookieNames.REFRESH);
            return ApiResponse.<Void>ok(null);
        });
    }
}
