package dev.perfplatform.moalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.perfplatform.testing.http.Endpoint;
import dev.perfplatform.testing.http.Endpoints;
import dev.perfplatform.testing.http.PathTricks;
import dev.perfplatform.testing.http.RawHttpClient;
import dev.perfplatform.testing.http.Refusals;
import dev.perfplatform.testing.http.RowCounts;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

/**
 * The whole HTTP surface, enumerated from the app's own handler mappings, so an endpoint added later is covered
 * without editing this test: each is in the OpenAPI document; none that needs a member answers an anonymous caller, a
 * forged or expired-looking token, a refresh or sign-up token used as an access token, or a withdrawn member's token,
 * under any path trick, other than with a 400/401/403/404 in the envelope that writes nothing; an unknown path tells
 * strangers nothing (401); and no open endpoint fails with a 5xx under a path trick.
 */
class ApiSurfaceIntegrationTests extends MoalogApplicationTestBase {

    /** Tables a request could write to. */
    private static final List<String> TABLES = List.of(
            "member",
            "refresh_token_family",
            "retro_room",
            "member_retro_room",
            "retrospect",
            "retro_reference",
            "member_retro",
            "response",
            "response_comment",
            "response_like",
            "retrospect_analysis",
            "ai_usage");

    /**
     * Endpoints about the caller's own things, with no room, retrospect or answer in the path: an outsider has
     * nothing to be refused there.
     */
    private static final Set<String> OWN = Set.of(
            "GET /api/v1/members/me",
            "POST /api/v1/members/withdraw",
            "POST /api/v1/auth/logout",
            "GET /api/v1/retro-rooms",
            "POST /api/v1/retro-rooms",
            "POST /api/v1/retro-rooms/join",
            "PATCH /api/v1/retro-rooms/order",
            "POST /api/v1/retrospects",
            "GET /api/v1/retrospects/storage",
            "GET /api/v1/retrospects/search");

    /** What only a room's owner (or, for a retrospect, its creator) may do. */
    private static final Set<String> OWNERS_ONLY = Set.of(
            "PATCH /api/v1/retro-rooms/{retroRoomId}/name",
            "DELETE /api/v1/retro-rooms/{retroRoomId}",
            "POST /api/v1/retro-rooms/{retroRoomId}/invite-code",
            "DELETE /api/v1/retrospects/{retrospectId}");

    /** Endpoints anyone may call: they authenticate by other means (a sign-up or refresh token, a provider code). */
    private static final Set<String> OPEN = Set.of(
            "GET /health",
            "GET /actuator/health",
            "GET /v3/api-docs",
            "GET /v3/api-docs.yaml",
            "POST /api/v1/auth/social-login",
            "POST /api/v1/auth/signup",
            "POST /api/v1/auth/token/refresh");

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping handlers;

    private RawHttpClient raw;
    private RowCounts rowCounts;

    @BeforeEach
    void surface() {
        raw = new RawHttpClient(base());
        rowCounts = new RowCounts(MoalogApplicationTestBase::connect, TABLES);
    }

    @Test
    void everyEndpointIsDocumented() {
        JsonNode document = body(browser().get("/v3/api-docs"));
        List<String> missing = new ArrayList<>();
        for (Endpoint endpoint : endpoints()) {
            if (endpoint.isUnder("/v3/api-docs")) {
                continue; // the document itself
            }
            if (!document.path("paths").path(endpoint.pattern()).has(endpoint.openApiMethod())) {
                missing.add(endpoint.toString());
            }
        }
        assertThat(missing).isEmpty();
        assertThat(document.path("info").path("title").asString()).isEqualTo("moalog API");
        assertThat(document.path("components").path("securitySchemes").has("bearer"))
                .isTrue();
        assertThat(endpoints()).hasSizeGreaterThanOrEqualTo(7);
    }

    @Test
    void noMemberEndpointAnswersACallerWithoutAValidAccessTokenUnderAnyPathTrick() {
        Browser withdrawn = member("withdrawn1");
        String withdrawnToken = withdrawn.cookie("access_token");
        withdrawn.post("/api/v1/members/withdraw", "");
        Browser signedIn = member("surface1");
        String refreshToken = signedIn.cookie("refresh_token");
        Refusals refusals = new Refusals(raw, this::isErrorEnvelope, rowCounts);
        List<Map<String, String>> callers = List.of(
                Map.of(),
                Map.of("Authorization", "Bearer not-a-jwt"),
                Map.of("Authorization", "Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl"),
                Map.of("Authorization", "Bearer " + refreshToken),
                Map.of("Authorization", "Bearer " + withdrawnToken),
                Map.of("Cookie", "access_token=" + withdrawnToken, "Origin", Browser.ORIGIN));
        for (Endpoint endpoint : endpoints()) {
            if (OPEN.contains(endpoint.toString()) || endpoint.isUnder("/sim/")) {
                continue;
            }
            String path = endpoint.samplePath("1");
            List<String> paths = new ArrayList<>(List.of(path));
            paths.addAll(PathTricks.of(path));
            for (Map<String, String> caller : callers) {
                for (String variant : paths) {
                    refusals.expectRefused(endpoint.method(), variant, caller, "{}");
                }
            }
        }
        assertThat(refusals.problems()).isEmpty();
    }

    @Test
    void anOutsiderIsRefusedEverythingInARoomAndAMemberWhatOnlyTheOwnerMayDo() throws Exception {
        Browser owner = member("matrixOwner");
        RoomRef room = createRoom(owner, "matrix room");
        Browser member = member("matrixMember");
        join(member, room);
        long retrospect = createRetrospect(owner, room.id(), "KPT", 1);
        owner.post("/api/v1/retrospects/" + retrospect + "/participants", "");
        owner.post("/api/v1/retrospects/" + retrospect + "/submit", answers("matrix"));
        long response = count("SELECT MAX(response_id) FROM response WHERE retrospect_id = " + retrospect);
        Browser outsider = member("matrixOutsider");
        Refusals refusals = new Refusals(raw, this::isErrorEnvelope, rowCounts);
        List<String> checked = new ArrayList<>();
        List<String> wrongStatus = new ArrayList<>();
        for (Endpoint endpoint : endpoints()) {
            String key = endpoint.toString();
            if (OPEN.contains(key) || OWN.contains(key) || endpoint.isUnder("/sim/")) {
                continue;
            }
            String path = endpoint.pattern()
                    .replace("{retroRoomId}", Long.toString(room.id()))
                    .replace("{retrospectId}", Long.toString(retrospect))
                    .replace("{responseId}", Long.toString(response))
                    .replace("{questionId}", "1");
            // a body every endpoint accepts, so only the caller's right to the thing can refuse it
            String answers = answers("x");
            String body = "{\"name\":\"renamed\",\"content\":\"x\","
                    + "\"drafts\":[{\"questionNumber\":1,\"content\":\"d\"}],"
                    + answers.substring(1, answers.length() - 1) + "}";
            for (Browser caller : OWNERS_ONLY.contains(key) ? List.of(outsider, member) : List.of(outsider)) {
                HttpResponse<String> answer = refusals.expectRefused(
                        endpoint.method(),
                        path,
                        Map.of("Authorization", "Bearer " + caller.cookie("access_token")),
                        body);
                if (answer.statusCode() != 403 && answer.statusCode() != 404) {
                    wrongStatus.add(key + " answered " + answer.statusCode() + ", not 403 or 404: " + answer.body());
                }
            }
            checked.add(key);
        }
        assertThat(refusals.problems()).isEmpty();
        assertThat(wrongStatus).isEmpty();
        assertThat(checked).hasSizeGreaterThanOrEqualTo(OWNERS_ONLY.size() + 8);
        // in none of the lists above: any member of the room may export, so an outsider must be refused it
        assertThat(checked).contains("GET /api/v1/retrospects/{retrospectId}/export");
    }

    @Test
    void openEndpointsNeverFailUnderAPathTrick() {
        List<String> problems = new ArrayList<>();
        for (Endpoint endpoint : endpoints()) {
            if (!OPEN.contains(endpoint.toString()) && !endpoint.isUnder("/sim/")) {
                continue;
            }
            String path = endpoint.samplePath("x");
            List<String> paths = new ArrayList<>(List.of(path));
            paths.addAll(PathTricks.of(path));
            for (String variant : paths) {
                HttpResponse<String> answer = raw.send(endpoint.method(), variant, Map.of(), "{}");
                if (answer.statusCode() >= 500) {
                    problems.add(
                            endpoint.method() + " " + variant + " -> " + answer.statusCode() + " " + answer.body());
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void anUnknownPathIsA401ToStrangersAndA404ToMembers() {
        Browser member = member("lost1");
        Refusals refusals = new Refusals(raw, this::isErrorEnvelope, rowCounts);

        HttpResponse<String> anonymous = refusals.expectRefused("GET", "/no/such/path", Map.of(), "");
        HttpResponse<String> known = refusals.expectRefused(
                "GET", "/no/such/path", Map.of("Authorization", "Bearer " + member.cookie("access_token")), "");

        assertThat(refusals.problems()).isEmpty();
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
        assertThat(body(anonymous).path("code").asString()).isEqualTo("AUTH4001");
        assertThat(known.statusCode()).isEqualTo(404);
        assertThat(body(known).path("code").asString()).isEqualTo("COMMON404");
    }

    @Test
    void healthChecksTheDatabaseAndEchoesTheRequestId() {
        HttpResponse<String> health = raw.send("GET", "/health", Map.of("x-request-id", "abc-123"), "");

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body())
                .isEqualTo("{\"isSuccess\":true,\"code\":\"COMMON200\",\"message\":\"성공입니다.\","
                        + "\"result\":{\"status\":\"healthy\"}}");
        assertThat(health.headers().firstValue("x-request-id")).hasValue("abc-123");
        assertThat(raw.send("GET", "/health", Map.of("x-request-id", "not a safe id; " + "x".repeat(80)), "")
                        .headers()
                        .firstValue("x-request-id")
                        .orElseThrow())
                .matches("[0-9a-f-]{36}");
    }

    @Test
    void theActuatorIsOnTheManagementPortAndTheAppPortShowsOnlyHealth() throws Exception {
        assertThat(management("/actuator/prometheus").statusCode()).isEqualTo(200);
        assertThat(management("/actuator/info").body()).contains("OAuth provider simulator");
        assertThat(raw.send("GET", "/actuator/health", Map.of(), "").statusCode())
                .isEqualTo(200);
        assertThat(raw.send("GET", "/actuator/prometheus", Map.of(), "").statusCode())
                .isEqualTo(401);
    }

    @Test
    void aPreflightFromAnAllowedOriginIsAnsweredAndOneFromAnyOtherIsRefused() {
        HttpResponse<String> allowed = raw.send(
                "OPTIONS",
                "/api/v1/members/me",
                Map.of("Origin", Browser.ORIGIN, "Access-Control-Request-Method", "GET"),
                "");
        assertThat(allowed.statusCode()).isEqualTo(200);
        assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin")).hasValue(Browser.ORIGIN);
        assertThat(allowed.headers().firstValue("Access-Control-Allow-Credentials"))
                .hasValue("true");

        HttpResponse<String> foreign = raw.send(
                "OPTIONS",
                "/api/v1/members/me",
                Map.of("Origin", "https://evil.example", "Access-Control-Request-Method", "GET"),
                "");
        assertThat(foreign.statusCode()).isEqualTo(403);
        assertThat(foreign.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        assertThat(isErrorEnvelope(foreign.body())).isTrue();
    }

    private List<Endpoint> endpoints() {
        return Endpoints.of(handlers);
    }

    private boolean isErrorEnvelope(String body) {
        try {
            JsonNode envelope = json.readTree(body);
            return envelope.path("isSuccess").isBoolean()
                    && !envelope.path("isSuccess").asBoolean()
                    && envelope.path("code").asString().matches("[A-Z]+\\d{3,4}")
                    && !envelope.path("message").asString().isEmpty()
                    && envelope.has("result")
                    && envelope.path("result").isNull();
        } catch (RuntimeException e) {
            return false;
        }
    }
}
