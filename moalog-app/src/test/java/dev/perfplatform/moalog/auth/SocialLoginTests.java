package dev.perfplatform.moalog.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.perfplatform.moalog.SelfUrl;
import dev.perfplatform.moalog.api.ApiException;
import dev.perfplatform.moalog.api.ErrorCode;
import dev.perfplatform.moalog.member.SocialType;
import java.net.InetAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/**
 * The real login adapter against Kakao's and Google's documented wire shapes, served by MockWebServer: what it sends
 * to the token and user-info endpoints, what it reads back, and every failure (a refused code, a refused token, no
 * e-mail, malformed JSON, a provider that does not answer) as {@code AUTH4002}.
 */
class SocialLoginTests {

    private static final String REDIRECT = "https://moalog.me/oauth/callback";

    private MockWebServer provider;
    private SocialLogin login;

    @BeforeEach
    void start() throws Exception {
        provider = new MockWebServer();
        provider.start(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), 0);
        login = login(Duration.ofSeconds(10));
    }

    /** The adapter with calls that each may take {@code timeout}. */
    private SocialLogin login(Duration timeout) {
        String base = "http://127.0.0.1:" + provider.getPort();
        SocialSettings settings = new SocialSettings(
                timeout,
                new SocialSettings.Provider(
                        "kakao-client",
                        "kakao-secret",
                        base + "/oauth/authorize",
                        base + "/oauth/token",
                        base + "/v2/user/me"),
                new SocialSettings.Provider(
                        "google-client",
                        "google-secret",
                        base + "/o/oauth2/v2/auth",
                        base + "/token",
                        base + "/oauth2/v2/userinfo"));
        return new SocialLogin(settings, new SelfUrl(new MockEnvironment()), false);
    }

    @AfterEach
    void stop() {
        provider.close();
    }

    @Test
    void kakaoExchangesTheCodeThenReadsTheAccountsEmail() throws Exception {
        provider.enqueue(json(200, """
                {"token_type":"bearer","access_token":"kakao-access","expires_in":21599,
                 "refresh_token":"kakao-refresh","refresh_token_expires_in":5183999,"scope":"account_email"}"""));
        provider.enqueue(json(200, """
                {"id":123456789,"connected_at":"2026-04-11T01:45:28Z",
                 "kakao_account":{"has_email":true,"email_needs_agreement":false,"is_email_valid":true,
                                  "is_email_verified":true,"email":"sample@kakao.com"}}"""));

        String email = login.email(SocialType.KAKAO, "the-code", REDIRECT).block();

        assertThat(email).isEqualTo("sample@kakao.com");
        RecordedRequest token = provider.takeRequest();
        assertThat(token.getMethod()).isEqualTo("POST");
        assertThat(token.getUrl().encodedPath()).isEqualTo("/oauth/token");
        assertThat(token.getHeaders().get("Content-Type")).startsWith("application/x-www-form-urlencoded");
        assertThat(form(token))
                .containsEntry("grant_type", "authorization_code")
                .containsEntry("code", "the-code")
                .containsEntry("redirect_uri", REDIRECT)
                .containsEntry("client_id", "kakao-client")
                .containsEntry("client_secret", "kakao-secret");
        RecordedRequest user = provider.takeRequest();
        assertThat(user.getMethod()).isEqualTo("GET");
        assertThat(user.getUrl().encodedPath()).isEqualTo("/v2/user/me");
        assertThat(user.getHeaders().get("Authorization")).isEqualTo("Bearer kakao-access");
    }

    @Test
    void googleExchangesTheCodeThenReadsTheEmail() throws Exception {
        provider.enqueue(json(200, """
                {"access_token":"ya29.google-access","expires_in":3599,
                 "scope":"https://www.googleapis.com/auth/userinfo.email","token_type":"Bearer"}"""));
        provider.enqueue(json(200, """
                {"id":"108912345678901234567","email":"someone@gmail.com","verified_email":true,
                 "picture":"https://lh3.googleusercontent.com/a/x"}"""));

        String email = login.email(SocialType.GOOGLE, "4/0Ab-code", REDIRECT).block();

        assertThat(email).isEqualTo("someone@gmail.com");
        RecordedRequest token = provider.takeRequest();
        assertThat(token.getUrl().encodedPath()).isEqualTo("/token");
        assertThat(form(token))
                .containsEntry("code", "4/0Ab-code")
                .containsEntry("client_id", "google-client")
                .containsEntry("client_secret", "google-secret");
        assertThat(provider.takeRequest().getHeaders().get("Authorization")).isEqualTo("Bearer ya29.google-access");
    }

    @Test
    void aRefusedCodeIsASocialAuthFailure() {
        provider.enqueue(json(400, """
                {"error":"invalid_grant","error_description":"authorization code not found for code=x",
                 "error_code":"KOE320"}"""));

        assertRefused(SocialType.KAKAO);
        assertThat(provider.getRequestCount()).isEqualTo(1);
    }

    @Test
    void aRefusedProviderTokenIsASocialAuthFailure() {
        provider.enqueue(json(200, "{\"token_type\":\"bearer\",\"access_token\":\"a\",\"expires_in\":60}"));
        provider.enqueue(json(401, "{\"msg\":\"this access token does not exist\",\"code\":-401}"));

        assertRefused(SocialType.KAKAO);
    }

    @Test
    void anAccountWithoutEmailIsRefusedSayingWhy() {
        provider.enqueue(json(200, "{\"token_type\":\"bearer\",\"access_token\":\"a\",\"expires_in\":60}"));
        provider.enqueue(json(200, "{\"id\":1,\"kakao_account\":{\"has_email\":false}}"));

        assertThatThrownBy(() -> login.email(SocialType.KAKAO, "c", REDIRECT).block())
                .isInstanceOfSatisfying(ApiException.class, failure -> {
                    assertThat(failure.code()).isEqualTo(ErrorCode.SOCIAL_AUTH_FAILED);
                    assertThat(failure.getMessage()).contains("이메일");
                });
    }

    @Test
    void malformedJsonIsASocialAuthFailure() {
        provider.enqueue(json(200, "{\"access_token\":"));

        assertRefused(SocialType.GOOGLE);
    }

    @Test
    void aProviderThatDoesNotAnswerInTimeIsASocialAuthFailure() {
        provider.enqueue(new MockResponse.Builder()
                .code(200)
                .headersDelay(8, TimeUnit.SECONDS)
                .body("{}")
                .build());
        login = login(Duration.ofSeconds(1));
        long started = System.nanoTime();

        assertRefused(SocialType.GOOGLE);

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(6));
    }

    private void assertRefused(SocialType type) {
        assertThatThrownBy(() -> login.email(type, "c", REDIRECT).block())
                .isInstanceOfSatisfying(
                        ApiException.class,
                        failure -> assertThat(failure.code()).isEqualTo(ErrorCode.SOCIAL_AUTH_FAILED));
    }

    private static MockResponse json(int status, String body) {
        return new MockResponse.Builder()
                .code(status)
                .addHeader("Content-Type", "application/json;charset=UTF-8")
                .body(body)
                .build();
    }

    private static Map<String, String> form(RecordedRequest request) {
        String body = request.getBody() == null ? "" : request.getBody().utf8();
        return Arrays.stream(body.split("&"))
                .map(pair -> pair.split("=", 2))
                .collect(Collectors.toMap(
                        pair -> URLDecoder.decode(pair[0], StandardCharsets.UTF_8),
                        pair -> pair.length > 1 ? URLDecoder.decode(pair[1], StandardCharsets.UTF_8) : ""));
    }
}
