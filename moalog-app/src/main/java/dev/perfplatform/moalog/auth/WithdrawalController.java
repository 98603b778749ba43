package dev.perfplatform.moalog.auth;

import dev.perfplatform.moalog.api.ApiException;
import dev.perfplatform.moalog.api.ApiResponse;
import dev.perfplatform.moalog.api.ErrorCode;
import dev.perfplatform.moalog.member.MemberRepository;
import dev.perfplatform.moalog.room.RoomService;
import dev.perfplatform.moalog.security.AuthCookieNames;
import dev.perfplatform.moalog.security.CurrentMember;
import dev.perfplatform.moalog.security.MemberAuthentications;
import dev.perfplatform.moalog.security.SignedIn;
import io.swagger.v3.oas.annotations.Parameter;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * {@code POST /api/v1/members/withdraw}: deletes the member at once. Its sign-ins end with it (their families are
 * deleted by the foreign key) and its access tokens stop working on this instance immediately, elsewhere within
 * seconds ({@link MemberAuthentications}); its answers and comments stay, without an author. The rooms it owns pass
 * to their longest-standing member in the same transaction ({@link RoomService#handOverRoomsOf}), so no room is left
 * that nobody can rename, delete or invite to; a concurrent change that collides with the handover is retried.
 */
@RestController
public class WithdrawalController {

    private final MemberRepository members;
    private final MemberAuthentications authentications;
    private final AuthCookies cookies;
    private final RoomService rooms;
    private final TransactionalOperator transactions;

    public WithdrawalController(
            MemberRepository members,
            MemberAuthentications authentications,
            AuthCookies cookies,
            RoomService rooms,
            TransactionalOperator transactions) {
        this.members = members;
        this.authentications = authentications;
        this.cookies = cookies;
        this.rooms = rooms;
        this.transactions = transactions;
    }

    @PostMapping("/api/v1/members/withdraw")
    public Mono<ApiResponse<Void>> withdraw(
            @Parameter(hidden = true) @CurrentMember SignedIn me, ServerWebExchange exchange) {
        return Mono.defer(() -> rooms.handOverRoomsOf(me.memberId())
                        .then(members.delete(me.memberId()))
                        .as(transactions::transactional))
                .retryWhen(Retry.max(2).filter(DataIntegrityViolationException.class::isInstance))
                .map(deleted -> {
                    authentications.forget(me.memberId());
                    if (!deleted) {
                        throw new ApiException(ErrorCode.MEMBER_NOT_FOUND);
                    }
                    cookies.clear(exchange.getResponse(), AuthCookieNames.ACCESS, AuthCookieNames.REFRESH);
                    return ApiResponse.<Void>ok(null);
                });
    }
}
