package dev.perfplatform.moalog.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.perfplatform.moalog.Browser;
import dev.perfplatform.moalog.MoalogApplicationTestBase;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Signing up, in and out through the provider simulator and the real login code, against a real MariaDB: the
 * original's envelopes and codes, tokens only in cookies, refresh families, and the CSRF origin check.
 */
class SignInIntegrationTests extends MoalogApplicationTestBase {

    @Test
    void aNewAccountSignsUpWithANicknameAndIsThenSignedIn() throws Exception {
        Browser browser = browser();

        HttpResponse<String> login = socialLogin(browser, "kakao", "new@example.com");

        assertThat(login.statusCode()).isEqualTo(200);
        JsonNode envelope = body(login);
        assertThat(envelope.path("isSuccess").asBoolean()).isTrue();
        assertThat(envelope.path("code").asString()).isEqualTo("AUTH2001");
        assertThat(envelope.path("result").path("isNewMember").asBoolean()).isTrue();
        assertThat(login.body()).doesNotContain("token\":");
        assertThat(browser.cookie("signup_token")).isNotBlank();
        assertThat(browser.cookie("access_token")).isNull();
        assertThat(login.headers().allValues("Set-Cookie"))
                .anySatisfy(cookie -> assertThat(cookie.toLowerCase(java.util.Locale.ROOT))
                        .startsWith("signup_token=")
                        .contains("httponly", "secure", "samesite=lax", "path=/", "max-age=600"));

        HttpResponse<String> signUp = browser.post("/api/v1/auth/signup", "{\"nickname\":\"새회원1\"}");

        assertThat(signUp.statusCode()).isEqualTo(200);
        assertThat(body(signUp).path("result").path("nickname").asString()).isEqualTo("새회원1");
        assertThat(browser.cookie("signup_token")).isNull();
        assertThat(browser.cookie("access_token")).isNotBlank();
        assertThat(browser.cookie("refresh_token")).isNotBlank();
        JsonNode me = body(browser.get("/api/v1/members/me")).path("result");
        assertThat(me.path("email").asString()).isEqualTo("new@example.com");
        assertThat(me.path("socialType").asString()).isEqualTo("KAKAO");
        assertThat(me.path("nickname").asString()).isEqualTo("새회원1");
        assertThat(me.path("insightCount").asInt()).isZero();
        assertThat(me.path("createdAt").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d");
    }

    @Test
    void anExistingMemberIsSignedInStraightAwayAndByEitherProviderSeparately() {
        Browser first = browser();
        socialLogin(first, "GOOGLE", "both@example.com");
        first.post("/api/v1/auth/signup", "{\"nickname\":\"googleUser\"}");

        Browser again = browser();
        HttpResponse<String> login = socialLogin(again, "Google", "both@example.com");
        assertThat(body(login).path("code").asString()).isEqualTo("COMMON200");
        assertThat(body(login).path("result").path("isNewMember").asBoolean()).isFalse();
        assertThat(again.cookie("access_token")).isNotBlank();
        assertThat(body(again.get("/api/v1/members/me"))
                        .path("result")
                        .path("nickname")
                        .asString())
                .isEqualTo("googleUser");

        HttpResponse<String> kakao = socialLogin(browser(), "KAKAO", "both@example.com");
        assertThat(body(kakao).path("code").asString()).isEqualTo("AUTH2001"); // another provider, another account
    }

    @Test
    void theAccessTokenWorksAsABearerTokenToo() {
        Browser browser = member("bearer1");
        String access = browser.cookie("access_token");

        HttpResponse<String> me = browser().from(null).bearer("GET", "/api/v1/members/me", "", access);

        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(body(me).path("result").path("nickname").asString()).isEqualTo("bearer1");
    }

    @Test
    void refreshRotatesTheTokensAndAReplayedTokenSignsThatDeviceOut() {
        Browser phone = member("rotator");
        Browser laptop = browser();
        laptop.setCookie("refresh_token", phone.cookie("refresh_token"));
        String first = phone.cookie("refresh_token");

        HttpResponse<String> refreshed = phone.post("/api/v1/auth/token/refresh", "");
        assertThat(refreshed.statusCode()).isEqualTo(200);
        assertThat(body(refreshed).path("result").isObject()).isTrue();
        assertThat(phone.cookie("refresh_token")).isNotEqualTo(first);

        HttpResponse<String> replay = laptop.post("/api/v1/auth/token/refresh", ""); // the rotated-away token
        assertThat(replay.statusCode()).isEqualTo(401);
        assertThat(body(replay).path("code").asString()).isEqualTo("AUTH4004");

        HttpResponse<String> afterReplay = phone.post("/api/v1/auth/token/refresh", "");
        assertThat(afterReplay.statusCode()).isEqualTo(401); // the whole family was revoked
    }

    @Test
    void eachSignInIsAFamilyOfItsOwnSoDevicesStaySignedInTogether() {
        String email = "two-devices@example.com";
        Browser phone = browser();
        socialLogin(phone, "KAKAO", email);
        phone.post("/api/v1/auth/signup", "{\"nickname\":\"twoDevices\"}");
        Browser laptop = browser();
        socialLogin(laptop, "KAKAO", email);

        assertThat(phone.post("/api/v1/auth/token/refresh", "").statusCode()).isEqualTo(200);
        assertThat(laptop.post("/api/v1/auth/token/refresh", "").statusCode()).isEqualTo(200);
        assertThat(phone.post("/api/v1/auth/logout", "").statusCode()).isEqualTo(200);
        assertThat(laptop.post("/api/v1/auth/token/refresh", "").statusCode()).isEqualTo(200);
    }

    @Test
    void twoRefreshesWithOneTokenAtOnceGiveOneNewToken() throws Exception {
        Browser browser = member("racer");
        String token = browser.cookie("refresh_token");
        List<Callable<Integer>> refreshes = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            refreshes.add(() -> {
                Browser device = browser();
                device.setCookie("refresh_token", token);
                return device.post("/api/v1/auth/token/refresh", "").statusCode();
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Integer> statuses = new ArrayList<>();
        try {
            for (Future<Integer> status : pool.invokeAll(refreshes)) {
                statuses.add(status.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(statuses).filteredOn(status -> status == 200).hasSize(1);
        assertThat(statuses).filteredOn(status -> status == 401).hasSize(7);
    }

    @Test
    void logoutEndsTheSignInAndClearsTheCookies() {
        Browser browser = member("leaver");
        Browser stolen = browser();
        stolen.setCookie("refresh_token", browser.cookie("refresh_token"));

        HttpResponse<String> logout = browser.post("/api/v1/auth/logout", "");

        assertThat(logout.statusCode()).isEqualTo(200);
        assertThat(body(logout).path("result").isNull()).isTrue();
        assertThat(browser.cookie("access_token")).isNull();
        assertThat(browser.cookie("refresh_token")).isNull();
        assertThat(stolen.post("/api/v1/auth/token/refresh", "").statusCode()).isEqualTo(401);
    }

    @Test
    void logoutWithAnotherMembersRefreshTokenIsRefused() {
        Browser mine = member("mine1");
        Browser theirs = member("theirs1");
        mine.setCookie("refresh_token", theirs.cookie("refresh_token"));

        HttpResponse<String> logout = mine.post("/api/v1/auth/logout", "");

        assertThat(logout.statusCode()).isEqualTo(400);
        assertThat(body(logout).path("code").asString()).isEqualTo("AUTH4003");
        assertThat(theirs.post("/api/v1/auth/token/refresh", "").statusCode()).isEqualTo(200);
    }

    @Test
    void withdrawalDeletesTheMemberAndItsTokensStopWorkingAtOnce() throws Exception {
        Browser browser = member("goner");
        String access = browser.cookie("access_token");
        String refresh = browser.cookie("refresh_token");
        long members = count("SELECT COUNT(*) FROM member");

        HttpResponse<String> withdraw = browser.post("/api/v1/members/withdraw", "");

        assertThat(withdraw.statusCode()).isEqualTo(200);
        assertThat(count("SELECT COUNT(*) FROM member")).isEqualTo(members - 1);
        assertThat(count("SELECT COUNT(*) FROM member WHERE nickname = 'goner'"))
                .isZero();
        HttpResponse<String> me = browser().from(null).bearer("GET", "/api/v1/members/me", "", access);
        assertThat(me.statusCode()).isEqualTo(401);
        assertThat(body(me).path("code").asString()).isEqualTo("AUTH4001");
        Browser old = browser();
        old.setCookie("refresh_token", refresh);
        assertThat(old.post("/api/v1/auth/token/refresh", "").statusCode()).isEqualTo(401);
    }

    @Test
    void aTakenNicknameIsAConflictAndTheAccountStaysWithoutMember() throws Exception {
        member("taken");
        Browser browser = browser();
        socialLogin(browser, "KAKAO", "second@example.com");
        long members = count("SELECT COUNT(*) FROM member");

        HttpResponse<String> signUp = browser.post("/api/v1/auth/signup", "{\"nickname\":\"taken\"}");

        assertThat(signUp.statusCode()).isEqualTo(409);
        assertThat(body(signUp).path("code").asString()).isEqualTo("COMMON409");
        assertThat(count("SELECT COUNT(*) FROM member")).isEqualTo(members);
        assertThat(browser.post("/api/v1/auth/signup", "{\"nickname\":\"notTaken\"}")
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void concurrentSignUpsOfOneAccountGiveOneMember() throws Exception {
        String email = "storm@example.com";
        List<Browser> browsers = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Browser browser = browser();
            socialLogin(browser, "KAKAO", email);
            browsers.add(browser);
        }
        List<Callable<Integer>> signUps = new ArrayList<>();
        for (int i = 0; i < browsers.size(); i++) {
            Browser browser = browsers.get(i);
            String nickname = "storm" + i;
            signUps.add(() -> browser.post("/api/v1/auth/signup", "{\"nickname\":\"" + nickname + "\"}")
                    .statusCode());
        }
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Integer> statuses = new ArrayList<>();
        try {
            for (Future<Integer> status : pool.invokeAll(signUps)) {
                statuses.add(status.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(statuses).filteredOn(status -> status == 200).hasSize(1);
        assertThat(statuses).filteredOn(status -> status == 409).hasSize(5);
        assertThat(count("SELECT COUNT(*) FROM member WHERE email = 'storm@example.com'"))
                .isEqualTo(1);
    }

    @Test
    void signUpRefusesBadNicknamesAndMissingTokensWritingNothing() throws Exception {
        Browser browser = browser();
        socialLogin(browser, "KAKAO", "picky@example.com");
        long members = count("SELECT COUNT(*) FROM member");
        for (String body : List.of(
                "{\"nickname\":\"\"}",
                "{\"nickname\":\"with space\"}",
                "{\"nickname\":\"abcdefghijklmnopqrstu\"}",
                "{\"nickname\":\"semi;colon\"}",
                "{}",
                "{\"nickname\":12}",
                "{",
                "[]")) {
            HttpResponse<String> refused = browser.post("/api/v1/auth/signup", body);
            assertThat(refused.statusCode()).as(body).isEqualTo(400);
            assertThat(body(refused).path("code").asString()).as(body).isEqualTo("COMMON400");
            assertThat(body(refused).path("isSuccess").asBoolean()).isFalse();
        }
        HttpResponse<String> noToken = browser().post("/api/v1/auth/signup", "{\"nickname\":\"noToken\"}");
        assertThat(noToken.statusCode()).isEqualTo(401);
        assertThat(body(noToken).path("code").asString()).isEqualTo("AUTH4001");
        Browser forged = browser();
        forged.setCookie("signup_token", "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIifQ.forged");
        assertThat(forged.post("/api/v1/auth/signup", "{\"nickname\":\"forged\"}")
                        .statusCode())
                .isEqualTo(401);
        assertThat(count("SELECT COUNT(*) FROM member")).isEqualTo(members);
    }

    @Test
    void anAccessTokenIsNotASignUpOrRefreshTokenAndViceVersa() {
        Browser browser = member("typed");
        String access = browser.cookie("access_token");
        String refresh = browser.cookie("refresh_token");

        Browser asSignUp = browser();
        asSignUp.setCookie("signup_token", access);
        assertThat(asSignUp.post("/api/v1/auth/signup", "{\"nickname\":\"typed2\"}")
                        .statusCode())
                .isEqualTo(401);
        Browser asRefresh = browser();
        asRefresh.setCookie("refresh_token", access);
        assertThat(asRefresh.post("/api/v1/auth/token/refresh", "").statusCode())
                .isEqualTo(401);
        assertThat(browser()
                        .from(null)
                        .bearer("GET", "/api/v1/members/me", "", refresh)
                        .statusCode())
                .isEqualTo(401);
    }

    @Test
    void aCodeTheProviderDidNotIssueIsASocialAuthFailure() {
        HttpResponse<String> login = browser()
                .post(
                        "/api/v1/auth/social-login",
                        "{\"provider\":\"KAKAO\",\"code\":\"made-up\",\"redirectUri\":\"http://localhost:5173/cb\"}");

        assertThat(login.statusCode()).isEqualTo(401);
        assertThat(body(login).path("code").asString()).isEqualTo("AUTH4002");
    }

    @Test
    void aCodeIsGoodOnceAndOnlyForItsRedirectUri() {
        String code = authorizationCode("kakao", "once@example.com", "http://localhost:5173/callback");
        String elsewhere = "{\"provider\":\"KAKAO\",\"code\":\"" + code + "\",\"redirectUri\":\"http://evil/cb\"}";
        assertThat(body(browser().post("/api/v1/auth/social-login", elsewhere))
                        .path("code")
                        .asString())
                .isEqualTo("AUTH4002");
        String code2 = authorizationCode("kakao", "once@example.com", "http://localhost:5173/callback");
        String login = "{\"provider\":\"KAKAO\",\"code\":\"" + code2
                + "\",\"redirectUri\":\"http://localhost:5173/callback\"}";
        assertThat(body(browser().post("/api/v1/auth/social-login", login))
                        .path("code")
                        .asString())
                .isEqualTo("AUTH2001");
        assertThat(body(browser().post("/api/v1/auth/social-login", login))
                        .path("code")
                        .asString())
                .isEqualTo("AUTH4002");
    }

    @Test
    void socialLoginRefusesAnUnknownProviderOrMissingFields() {
        for (String body : List.of(
                "{\"provider\":\"NAVER\",\"code\":\"c\",\"redirectUri\":\"http://localhost/cb\"}",
                "{\"code\":\"c\",\"redirectUri\":\"http://localhost/cb\"}",
                "{\"provider\":\"KAKAO\",\"code\":\" \",\"redirectUri\":\"http://localhost/cb\"}",
                "{\"provider\":\"KAKAO\",\"code\":\"c\"}")) {
            HttpResponse<String> refused = browser().post("/api/v1/auth/social-login", body);
            assertThat(refused.statusCode()).as(body).isEqualTo(400);
            assertThat(body(refused).path("code").asString()).as(body).isEqualTo("COMMON400");
        }
    }

    @Test
    void aCookieAuthenticatedUnsafeRequestFromAForeignOriginIsRefusedBeforeItRuns() throws Exception {
        Browser browser = member("csrfTarget");
        long families = count("SELECT COUNT(*) FROM refresh_token_family WHERE revoked_at IS NULL");

        for (String origin : new String[] {"https://evil.example", null}) {
            HttpResponse<String> forged = browser.from(origin).post("/api/v1/auth/logout", "");
            assertThat(forged.statusCode()).as(String.valueOf(origin)).isEqualTo(403);
            assertThat(body(forged).path("code").asString()).isEqualTo("COMMON403");
            HttpResponse<String> withdraw = browser.from(origin).post("/api/v1/members/withdraw", "");
            assertThat(withdraw.statusCode()).isEqualTo(403);
        }
        assertThat(count("SELECT COUNT(*) FROM refresh_token_family WHERE revoked_at IS NULL"))
                .isEqualTo(families);
        HttpResponse<String> read = browser.from("https://evil.example").get("/api/v1/members/me");
        assertThat(read.statusCode()).isEqualTo(403); // CORS refuses a foreign origin whatever the method
        assertThat(body(read).path("code").asString()).isEqualTo("COMMON403");
        assertThat(browser.from("https://moalog.me")
                        .post("/api/v1/auth/token/refresh", "")
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void aBearerRequestNeedsNoOrigin() {
        Browser browser = member("bearerWithdraw");
        String access = browser.cookie("access_token");

        HttpResponse<String> withdraw = browser().from(null).bearer("POST", "/api/v1/members/withdraw", "", access);

        assertThat(withdraw.statusCode()).isEqualTo(200);
    }

    @Test
    void theDevelopmentLoginDoesNotExistUnlessChosen() {
        HttpResponse<String> login = browser().post("/api/auth/login/email", "{\"email\":\"x@example.com\"}");

        assertThat(login.statusCode()).isEqualTo(404);
        assertThat(body(login).path("code").asString()).isEqualTo("COMMON404");
    }
}
