package dev.perfplatform.moalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/** The development login, chosen: it signs in an existing member by e-mail, and the app says it is on. */
@TestPropertySource(properties = "moalog.dev-login.enabled=true")
class DevLoginIntegrationTests extends MoalogApplicationTestBase {

    @Test
    void signsInAnExistingMemberByEmailAndIsAnnounced() throws Exception {
        Browser first = browser();
        socialLogin(first, "KAKAO", "dev@example.com");
        first.post("/api/v1/auth/signup", "{\"nickname\":\"devMember\"}");

        Browser browser = browser();
        HttpResponse<String> login = browser.post("/api/auth/login/email", "{\"email\":\"dev@example.com\"}");

        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(body(browser.get("/api/v1/members/me"))
                        .path("result")
                        .path("nickname")
                        .asString())
                .isEqualTo("devMember");
        HttpResponse<String> unknown = browser().post("/api/auth/login/email", "{\"email\":\"nobody@example.com\"}");
        assertThat(unknown.statusCode()).isEqualTo(401);
        assertThat(body(unknown).path("code").asString()).isEqualTo("AUTH4001");
        assertThat(management("/actuator/info").body()).contains("development login");
    }
}
