package dev.perfplatform.moalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The newcomer's run: no database configured, so the app starts on an embedded MariaDB in its data directory with the
 * development stand-ins on, signs a member up through the provider simulator, and finds the member's room again after
 * a restart on the same directory (with a new generated key, so the member signs in again).
 */
class EmbeddedDatabaseDefaultIntegrationTests {

    private static final String EMAIL = "newcomer@example.com";

    @TempDir
    Path dir;

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void runsOnAnEmbeddedDatabaseWithTheStandInsOnAndKeepsItsDataAcrossARestart() throws Exception {
        try (ConfigurableApplicationContext first = start()) {
            // the module's bean, looked up by name: this test compiles in a -Dmoalog.embedded=false build too
            assertThat(first.containsBean("moalogEmbeddedMariaDb")).isTrue();
            assertThat(first.getEnvironment().getProperty("spring.r2dbc.url"))
                    .startsWith("r2dbc:mariadb://127.0.0.1:")
                    .endsWith("/moalog");
            Browser browser = new Browser(base(first));
            assertThat(browser.get("/health").body()).contains("\"healthy\"");
            JsonNode standIns =
                    json.readTree(management(first, "/actuator/info")).get("standIns");
            assertThat(standIns.findValuesAsString("name"))
                    .containsExactly(
                            "embedded MariaDB",
                            "OAuth provider simulator",
                            "offline AI model",
                            "generated JWT key",
                            "cookies without Secure");

            HttpResponse<String> login = socialLogin(browser);
            assertThat(json.readTree(login.body()).path("code").asString()).isEqualTo("AUTH2001");
            HttpResponse<String> signUp = browser.post("/api/v1/auth/signup", "{\"nickname\":\"newcomer\"}");
            assertThat(signUp.statusCode()).as(signUp.body()).isEqualTo(200);
            assertThat(signUp.headers().allValues("Set-Cookie"))
                    .isNotEmpty()
                    .noneMatch(cookie -> cookie.contains("Secure"));
            HttpResponse<String> room = browser.post("/api/v1/retro-rooms", "{\"title\":\"첫 회고방\"}");
            assertThat(room.statusCode()).as(room.body()).isEqualTo(200);
        }

        try (ConfigurableApplicationContext second = start()) {
            Browser browser = new Browser(base(second));
            HttpResponse<String> login = socialLogin(browser);
            assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
            assertThat(json.readTree(login.body()).path("code").asString()).isNotEqualTo("AUTH2001");

            HttpResponse<String> rooms = browser.get("/api/v1/retro-rooms");

            assertThat(rooms.statusCode()).as(rooms.body()).isEqualTo(200);
            assertThat(json.readTree(rooms.body()).path("result").findValuesAsString("retroRoomName"))
                    .containsExactly("첫 회고방");
        }
    }

    private ConfigurableApplicationContext start() {
        // command-line arguments outrank the environment: no database is configured even where MOALOG_DB_URL is set
        return new SpringApplicationBuilder(MoalogApplication.class)
                .run(
                        "--spring.r2dbc.url=",
                        "--moalog.embedded-mariadb.data-dir=" + dir.resolve("data"),
                        "--server.port=0",
                        "--management.server.port=0",
                        "--server.shutdown=immediate");
    }

    private static HttpResponse<String> socialLogin(Browser browser) {
        String redirectUri = "http://localhost:5173/callback";
        HttpResponse<String> redirect = browser.get("/sim/oauth/kakao/authorize?redirect_uri="
                + URLEncoder.encode(redirectUri, StandardCharsets.UTF_8) + "&state=s&login_hint="
                + URLEncoder.encode(EMAIL, StandardCharsets.UTF_8));
        assertThat(redirect.statusCode()).as(redirect.body()).isEqualTo(302);
        String code = redirect.headers().firstValue("Location").orElseThrow().replaceAll(".*[?&]code=([^&]+).*", "$1");
        return browser.post(
                "/api/v1/auth/social-login",
                "{\"provider\":\"KAKAO\",\"code\":\"" + code + "\",\"redirectUri\":\"" + redirectUri + "\"}");
    }

    private static String base(ConfigurableApplicationContext app) {
        return "http://127.0.0.1:" + app.getEnvironment().getRequiredProperty("local.server.port");
    }

    private static String management(ConfigurableApplicationContext app, String path) throws Exception {
        URI uri = URI.create(
                "http://127.0.0.1:" + app.getEnvironment().getRequiredProperty("local.management.port") + path);
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        return http.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString())
                .body();
    }
}
