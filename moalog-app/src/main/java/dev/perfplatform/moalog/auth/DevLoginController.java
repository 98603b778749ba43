package dev.perfplatform.moalog.auth;

import dev.perfplatform.moalog.api.ApiException;
import dev.perfplatform.moalog.api.ApiResponse;
import dev.perfplatform.moalog.api.ErrorCode;
import dev.perfplatform.moalog.member.MemberRepository;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * A stand-in, off unless {@code moalog.dev-login.enabled=true} ({@code MOALOG_DEV_LOGIN}): {@code POST
 * /api/auth/login/email {email}} signs in the existing member with that e-mail without any proof of owning it. The
 * original service had this route open to everyone; here the route does not exist unless chosen, and the start-up
 * banner names it when it does.
 */
@RestController
@ConditionalOnBooleanProperty("moalog.dev-login.enabled")
public class DevLoginController {

    /** The property that turns the development login on. */
    public static final String PROPERTY = "moalog.dev-login.enabled";

    private final MemberRepository members;
    private final SignIns signIns;
    private final AuthCookies cookies;

    public DevLoginController(MemberRepository members, SignIns signIns, AuthCookies cookies) {
        this.members = members;
        this.signIns = signIns;
        this.cookies = cookies;
    }

    public record EmailLoginRequest(
            @NotBlank(message = "email은 필수입니다.") String email) {}

    @PostMapping("/api/auth/login/email")
    public Mono<ApiResponse<AuthController.LoginResult>> login(
            @Valid @RequestBody EmailLoginRequest body, ServerWebExchange exchange) {
        return members.findByEmail(body.email().strip())
                .switchIfEmpty(Mono.error(() -> new ApiException(ErrorCode.UNAUTHORIZED, "가입되지 않은 이메일입니다.")))
                .flatMap(member -> signIns.signIn(member.memberId()))
                .map(issued -> {
                    cookies.signedIn(exchange.getResponse(), issued);
                    return ApiResponse.ok(new AuthController.LoginResult(false));
                });
    }
}
