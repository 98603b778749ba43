package dev.perfplatform.moalog.sim;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;

/**
 * {@code /sim/oauth/{kakao|google}}: a user "signs in" at {@code GET /authorize?redirect_uri=…&state=…&login_hint=
 * <email>} and is redirected back with a one-time code (five minutes); {@code POST /token} exchanges the code, for the
 * redirect URI it was issued to, for an access token (an hour); the user-info endpoint answers as the provider does:
 * Kakao's {@code GET /v2/user/me} with {@code {id, kakao_account:{email}}}, Google's {@code GET /oauth2/v2/userinfo}
 * with {@code {id, email, verified_email}}. Refusals use the providers' error shapes ({@code invalid_grant}, 401).
 */
@RestController
@RequestMapping("/sim/oauth/{provider}")
@ConditionalOnBooleanProperty(ProviderSimulator.PROPERTY)
public class ProviderSimulator {

    /** The property that turns the simulator on. */
    public static final String PROPERTY = "moalog.provider-simulator.enabled";

    private record Grant(String provider, String email, String redirectUri) {}

    private record Account(String provider, String email) {}

    private final SecureRandom random = new SecureRandom();
    private final Cache<String, Grant> codes = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofMinutes(5))
            .maximumSize(100_000)
            .build();
    private final Cache<String, Account> tokens = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofHours(1))
            .maximumSize(100_000)
            .build();

    @GetMapping("/authorize")
    public ResponseEntity<Map<String, Object>> authorize(
            @PathVariable String provider,
            @RequestParam("redirect_uri") String redirectUri,
            @RequestParam(name = "state", required = false) @Nullable String state,
            @RequestParam("login_hint") String email) {
        if (!known(provider) || !email.contains("@") || !redirectUri.matches("https?://.+")) {
            return error(
                    HttpStatus.BAD_REQUEST, "invalid_request", "provider, login_hint (an e-mail) and redirect_uri");
        }
        String code = token();
        codes.put(code, new Grant(provider, email.strip(), redirectUri));
        UriComponentsBuilder location =
                UriComponentsBuilder.fromUriString(redirectUri).queryParam("code", code);
        if (state != null) {
            location.queryParam("state", state);
        }
        return ResponseEntity.status(HttpStatus.FOUND)
                .location(URI.create(location.build().encode().toUriString()))
                .build();
    }

    @PostMapping(path = "/token", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    public Mono<ResponseEntity<Map<String, Object>>> token(@PathVariable String provider, ServerWebExchange exchange) {
        return exchange.getFormData().map(form -> exchange(provider, form));
    }

    @GetMapping("/v2/user/me")
    public ResponseEntity<Map<String, Object>> kakaoUser(
            @PathVariable String provider,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) @Nullable String authorization) {
        Account account = account("kakao", provider, authorization);
        if (account == null) {
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                    .body(Map.of("msg", "this access token does not exist", "code", -401));
        }
        return ResponseEntity.ok(Map.of(
                "id", Long.parseLong(idOf(account).substring(0, 12), 16),
                "kakao_account", Map.of("email", account.email(), "is_email_valid", true, "is_email_verified", true)));
    }

    @GetMapping("/oauth2/v2/userinfo")
    public ResponseEntity<Map<String, Object>> googleUser(
            @PathVariable String provider,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) @Nullable String authorization) {
        Account account = account("google", provider, authorization);
        if (account == null) {
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                    .body(Map.of(
                            "error",
                            Map.of(
                                    "code",
                                    401,
                                    "message",
                                    "Request had invalid authentication credentials.",
                                    "status",
                                    "UNAUTHENTICATED")));
        }
        return ResponseEntity.ok(Map.of("id", idOf(account), "email", account.email(), "verified_email", true));
    }

    private ResponseEntity<Map<String, Object>> exchange(String provider, MultiValueMap<String, String> form) {
        if (!"authorization_code".equals(form.getFirst("grant_type"))) {
            return error(HttpStatus.BAD_REQUEST, "unsupported_grant_type", "grant_type must be authorization_code");
        }
        String code = form.getFirst("code");
        Grant grant = code == null ? null : codes.asMap().remove(code);
        if (grant == null
                || !grant.provider().equals(provider)
                || !grant.redirectUri().equals(form.getFirst("redirect_uri"))) {
            return error(HttpStatus.BAD_REQUEST, "invalid_grant", "authorization code not found or already used");
        }
        String accessToken = token();
        tokens.put(accessToken, new Account(provider, grant.email()));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", accessToken);
        body.put("token_type", "bearer");
        body.put("expires_in", 3599);
        body.put("scope", "email");
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body);
    }

    private @Nullable Account account(String expected, String provider, @Nullable String authorization) {
        if (!expected.equals(provider) || authorization == null || !authorization.startsWith("Bearer ")) {
            return null;
        }
        Account account =
                tokens.getIfPresent(authorization.substring("Bearer ".length()).strip());
        return account != null && account.provider().equals(provider) ? account : null;
    }

    private static boolean known(String provider) {
        return provider.equals("kakao") || provider.equals("google");
    }

    /** A stable id per account, as a provider gives one. */
    private static String idOf(Account account) {
        byte[] bytes =
                (account.provider() + ":" + account.email().toLowerCase(Locale.ROOT)).getBytes(StandardCharsets.UTF_8);
        try {
            return HexFormat.of()
                    .formatHex(
                            java.security.MessageDigest.getInstance("SHA-256").digest(bytes))
                    .substring(0, 21);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String token() {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static ResponseEntity<Map<String, Object>> error(HttpStatus status, String error, String description) {
        return ResponseEntity.status(status).body(Map.of("error", error, "error_description", description));
    }
}
