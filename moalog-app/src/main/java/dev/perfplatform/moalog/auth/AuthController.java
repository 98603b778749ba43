package dev.perfplatform.moalog.auth;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.perfplatform.moalog.api.ApiException;
import dev.perfplatform.moalog.api.ApiResponse;
import dev.perfplatform.moalog.api.ErrorCode;
import dev.perfplatform.moalog.member.MemberRepository;
import dev.perfplatform.moalog.member.SocialType;
import dev.perfplatform.moalog.security.AuthCookieNames;
import dev.perfplatform.moalog.security.CurrentMember;
import dev.perfplatform.moalog.security.SignedIn;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpCookie;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * {@code /api/v1/auth}: social login (an existing member is signed in; a new account gets a sign-up token and the
 * code {@code AUTH2001}), sign-up with a nickname, token refresh, logout. Tokens are set as cookies, never returned in
 * a body.
 */
@RestController
@RequestMapping("/api/v1/auth")
public class AuthController {

    /** The success code of a social login by an account that has no member yet. */
    static final String NEW_MEMBER = "AUTH2001";

    private final SocialLogin socialLogin;
    private final MemberRepository members;
    private final SignIns signIns;
    private final AuthCookies cookies;

    public AuthController(SocialLogin socialLogin, MemberRepository members, SignIns signIns, AuthCookies cookies) {
        this.socialLogin = socialLogin;
        this.members = members;
        this.signIns = signIns;
        this.cookies = cookies;
    }

    public record SocialLoginRequest(
            @NotNull(message = "provider는 필수입니다.") SocialType provider,
            @NotBlank(message = "code는 필수입니다.") String code,
            @NotBlank(message = "redirectUri는 필수입니다.") String redirectUri) {}

    public record LoginResult(@JsonProperty("isNewMember") boolean isNewMember) {}

    public record SignUpRequest(
            @NotNull(message = "닉네임은 필수입니다.")
            @Pattern(regexp = "[0-9A-Za-z가-힣]{1,20}", message = "닉네임은 1~20자의 한글, 영문, 숫자만 사용할 수 있습니다.")
            String nickname) {}

    public record SignUpResult(long memberId, String nickname) {}

    @PostMapping("/social-login")
    public Mono<ApiResponse<LoginResult>> socialLogin(
            @Valid @RequestBody SocialLoginRequest body, ServerWebExchange exchange) {
        return socialLogin
                .email(body.provider(), body.code().strip(), body.redirectUri().strip())
                .flatMap(email -> members.findByAccount(email, body.provider())
                        .flatMap(member -> signIns.signIn(member.memberId()).map(issued -> {
                            cookies.signedIn(exchange.getResponse(), issued);
                            return ApiResponse.ok(new LoginResult(false));
                        }))
                        .switchIfEmpty(Mono.fromSupplier(() -> {
                            cookies.set(
                                    exchange.getResponse(),
                                    AuthCookieNames.SIGNUP,
                                    signIns.signUpToken(email, body.provider()),
                                    signIns.signUpLifetime());
                            return ApiResponse.ok(NEW_MEMBER, "회원가입이 필요합니다.", new LoginResult(true));
                        })));
    }

    @PostMapping("/signup")
    public Mono<ApiResponse<SignUpResult>> signUp(@Valid @RequestBody SignUpRequest body, ServerWebExchange exchange) {
        String token = signUpToken(exchange.getRequest());
        if (token == null) {
            return Mono.error(new ApiException(ErrorCode.UNAUTHORIZED, "회원가입 토큰이 없습니다. 소셜 로그인부터 다시 해주세요."));
        }
        return signIns.readSignUp(token)
                .onErrorMap(failure ->
                        new ApiException(ErrorCode.UNAUTHORIZED, "회원가입 토큰이 유효하지 않거나 만료되었습니다. 소셜 로그인부터 다시 해주세요."))
                .flatMap(signUp -> members.create(signUp.email(), signUp.provider(), body.nickname()))
                .flatMap(member -> signIns.signIn(member.memberId()).map(issued -> {
                    cookies.signedIn(exchange.getResponse(), issued);
                    cookies.clear(exchange.getResponse(), AuthCookieNames.SIGNUP);
                    return ApiResponse.ok(new SignUpResult(member.memberId(), member.nickname()));
                }));
    }

    @PostMapping("/token/refresh")
    public Mono<ApiResponse<Map<String, Object>>> refresh(ServerWebExchange exchange) {
        HttpCookie cookie = exchange.getRequest().getCookies().getFirst(AuthCookieNames.REFRESH);
        if (cookie == null || cookie.getValue().isEmpty()) {
            return Mono.error(new ApiException(ErrorCode.INVALID_REFRESH_TOKEN, "리프레시 토큰이 없습니다."));
        }
        return signIns.readRefresh(cookie.getValue())
                .onErrorMap(failure -> new ApiException(ErrorCode.INVALID_REFRESH_TOKEN))
                .flatMap(signIns::refresh)
                .switchIfEmpty(Mono.error(() ->
                        new ApiException(ErrorCode.INVALID_REFRESH_TOKEN, "이미 사용되었거나 로그아웃된 리프레시 토큰입니다. 다시 로그인해주세요.")))
                .map(issued -> {
                    cookies.signedIn(exchange.getResponse(), issued);
                    return ApiResponse.ok(Map.<String, Object>of());
                });
    }

    @PostMapping("/logout")
    public Mono<ApiResponse<Void>> logout(
            @Parameter(hidden = true) @CurrentMember SignedIn me, ServerWebExchange exchange) {
        HttpCookie cookie = exchange.getRequest().getCookies().getFirst(AuthCookieNames.REFRESH);
        if (cookie == null || cookie.getValue().isEmpty()) {
            return Mono.error(new ApiException(ErrorCode.INVALID_TOKEN, "리프레시 토큰이 없습니다."));
        }
        return signIns.readRefresh(cookie.getValue())
                .onErrorMap(failure -> new ApiException(ErrorCode.INVALID_TOKEN))
                .filter(refresh -> refresh.memberId() == me.memberId())
                .switchIfEmpty(Mono.error(() -> new ApiException(ErrorCode.INVALID_TOKEN, "다른 회원의 리프레시 토큰입니다.")))
                .flatMap(signIns::signOut)
                .map(ended -> {
                    cookies.clear(exchange.getResponse(), AuthCookieNames.ACCESS, AuthCookieNames.REFRESH);
                    return ApiResponse.<Void>ok(null);
                });
    }

    /** The sign-up token from its cookie, else from {@code Authorization: Bearer}. */
    private static @Nullable String signUpToken(ServerHttpRequest request) {
        HttpCookie cookie = request.getCookies().getFirst(AuthCookieNames.SIGNUP);
        if (cookie != null && !cookie.getValue().isEmpty()) {
            return cookie.getValue();
        }
        String header = request.getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) && header.length() > 7) {
            return header.substring(7).strip();
        }
        return null;
    }
}
