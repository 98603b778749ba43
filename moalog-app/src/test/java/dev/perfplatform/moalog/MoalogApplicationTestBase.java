package dev.perfplatform.moalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.perfplatform.testing.sql.MariaDbDatabase;
import dev.perfplatform.testing.sql.MariaDbTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Base of the end-to-end tests: the whole app on a random port over a fresh MariaDB database of its own, with the
 * provider simulator on, so members sign up through the real login path. Each class gets its own context.
 */
@MariaDbTest
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(
        properties = {
            "moalog.provider-simulator.enabled=true",
            "moalog.ai.offline=true",
            // the limiter stays on, with budgets no test reaches by accident (RateLimitIntegrationTests has the real
            // ones)
            "ratelimit.policies.api.limits[0].algorithm=sliding-window",
            "ratelimit.policies.api.limits[0].limit=1000000",
            "ratelimit.policies.api.limits[0].window=1m",
            "ratelimit.policies.ai-analysis.limits[0].algorithm=fixed-window",
            "ratelimit.policies.ai-analysis.limits[0].limit=100000",
            "ratelimit.policies.ai-analysis.limits[0].window=1m",
            "ratelimit.policies.ai-guide.limits[0].algorithm=fixed-window",
            "ratelimit.policies.ai-guide.limits[0].limit=100000",
            "ratelimit.policies.ai-guide.limits[0].window=1m",
            "moalog.jwt.secret=" + MoalogApplicationTestBase.JWT_SECRET,
            "moalog.allowed-origins=" + Browser.ORIGIN + ",https://moalog.me",
            "management.server.port=0"
        })
public abstract class MoalogApplicationTestBase {

    /** The tests' HS256 key (32 bytes). */
    protected static final String JWT_SECRET = "test-secret-0123456789abcdef-0123";

    private static MariaDbDatabase database;

    protected final JsonMapper json = JsonMapper.builder().build();

    @Value("${local.server.port}")
    protected int port;

    @Value("${local.management.port}")
    private int managementPort;

    @BeforeAll
    static void captureDatabase(MariaDbDatabase mariaDb) {
        database = mariaDb;
    }

    @DynamicPropertySource
    static void databaseProperties(DynamicPropertyRegistry registry) {
        registry.add("spring.r2dbc.url", () -> database.r2dbcUrl());
        registry.add("spring.r2dbc.username", () -> database.username());
        registry.add("spring.r2dbc.password", () -> database.password());
    }

    protected String base() {
        return "http://127.0.0.1:" + port;
    }

    protected Browser browser() {
        return new Browser(base());
    }

    /** A new member signed up through the provider simulator, signed in on the returned browser. */
    protected Browser member(String nickname) {
        Browser browser = browser();
        String email = nickname + "-" + UUID.randomUUID() + "@example.com";
        HttpResponse<String> login = socialLogin(browser, "KAKAO", email);
        if (!"AUTH2001".equals(body(login).path("code").asString())) {
            throw new AssertionError("expected a new member: " + login.body());
        }
        HttpResponse<String> signUp = browser.post("/api/v1/auth/signup", "{\"nickname\":\"" + nickname + "\"}");
        if (signUp.statusCode() != 200) {
            throw new AssertionError("sign-up failed: " + signUp.body());
        }
        return browser;
    }

    /** Signs in at the simulator as {@code email} and posts the code to social-login. */
    protected HttpResponse<String> socialLogin(Browser browser, String provider, String email) {
        String code = authorizationCode(provider, email, "http://localhost:5173/callback");
        return browser.post(
                "/api/v1/auth/social-login",
                "{\"provider\":\"" + provider + "\",\"code\":\"" + code
                        + "\",\"redirectUri\":\"http://localhost:5173/callback\"}");
    }

    /** The code the simulator redirects back with after {@code email} signs in. */
    protected String authorizationCode(String provider, String email, String redirectUri) {
        HttpResponse<String> redirect = browser()
                .get("/sim/oauth/" + provider.toLowerCase(java.util.Locale.ROOT) + "/authorize?redirect_uri="
                        + java.net.URLEncoder.encode(redirectUri, java.nio.charset.StandardCharsets.UTF_8)
                        + "&state=s&login_hint="
                        + java.net.URLEncoder.encode(email, java.nio.charset.StandardCharsets.UTF_8));
        if (redirect.statusCode() != 302) {
            throw new AssertionError("simulator did not redirect: " + redirect.statusCode() + " " + redirect.body());
        }
        String location = redirect.headers().firstValue("Location").orElseThrow();
        return location.replaceAll(".*[?&]code=([^&]+).*", "$1");
    }

    /** A room created by {@code owner}: its id and invite code. */
    protected record RoomRef(long id, String inviteCode) {}

    protected RoomRef createRoom(Browser owner, String title) {
        HttpResponse<String> created = owner.post("/api/v1/retro-rooms", "{\"title\":\"" + title + "\"}");
        if (created.statusCode() != 200) {
            throw new AssertionError("room not created: " + created.body());
        }
        JsonNode result = body(created).path("result");
        return new RoomRef(
                result.path("retroRoomId").asLong(), result.path("inviteCode").asString());
    }

    protected void join(Browser member, RoomRef room) {
        HttpResponse<String> joined = member.post(
                "/api/v1/retro-rooms/join", "{\"inviteUrl\":\"https://moalog.me/invite/" + room.inviteCode() + "\"}");
        if (joined.statusCode() != 200) {
            throw new AssertionError("join failed: " + joined.body());
        }
    }

    /** A retrospect in {@code room} starting {@code daysAhead} days from now at 19:00 in Seoul; returns its id. */
    protected long createRetrospect(Browser creator, long room, String method, int daysAhead) {
        String date = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Seoul"))
                .plusDays(daysAhead)
                .toString();
        HttpResponse<String> created = creator.post(
                "/api/v1/retrospects",
                "{\"retroRoomId\":" + room + ",\"projectName\":\"sprint " + daysAhead + "\",\"retrospectDate\":\""
                        + date + "\",\"retrospectTime\":\"19:00\",\"retrospectMethod\":\"" + method
                        + "\",\"referenceUrls\":[\"https://github.com/moalog/moalog\"]}");
        if (created.statusCode() != 200) {
            throw new AssertionError("retrospect not created: " + created.body());
        }
        return body(created).path("result").path("retrospectId").asLong();
    }

    /** Five answers {@code prefix 1} … {@code prefix 5} as a submit body. */
    protected static String answers(String prefix) {
        StringBuilder body = new StringBuilder("{\"answers\":[");
        for (int i = 1; i <= 5; i++) {
            body.append(i > 1 ? "," : "")
                    .append("{\"questionNumber\":")
                    .append(i)
                    .append(",\"content\":\"")
                    .append(prefix)
                    .append(' ')
                    .append(i)
                    .append("\"}");
        }
        return body.append("]}").toString();
    }

    /** Runs {@code calls} at once; their statuses. */
    protected static List<Integer> concurrently(List<java.util.concurrent.Callable<HttpResponse<String>>> calls)
            throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(calls.size());
        List<Integer> statuses = new java.util.ArrayList<>();
        try {
            for (java.util.concurrent.Future<HttpResponse<String>> call : pool.invokeAll(calls)) {
                statuses.add(call.get().statusCode());
            }
        } finally {
            pool.shutdownNow();
        }
        return statuses;
    }

    protected static void update(String sql) throws SQLException {
        try (Connection connection = database.connect();
                Statement statement = connection.createStatement()) {
            statement.executeUpdate(sql);
        }
    }

    /** {@code GET path} on the management port. */
    protected HttpResponse<String> management(String path) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + path))
                                .timeout(Duration.ofSeconds(20))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    /** Asserts {@code answer}'s status and envelope code. */
    protected void expect(HttpResponse<String> answer, int status, String code) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
        assertThat(body(answer).path("code").asString()).isEqualTo(code);
    }

    /** The path of a retrospect's AI analysis. */
    protected static String analysis(long retrospect) {
        return "/api/v1/retrospects/" + retrospect + "/analysis";
    }

    /** The path of the writing guides for one question of a retrospect. */
    protected static String guide(long retrospect, int question) {
        return "/api/v1/retrospects/" + retrospect + "/questions/" + question + "/assistant";
    }

    protected JsonNode body(HttpResponse<String> response) {
        return json.readTree(response.body());
    }

    protected static Connection connect() throws SQLException {
        return database.connect();
    }

    protected static long count(String sql) throws SQLException {
        try (Connection connection = database.connect();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
