package dev.perfplatform.moalog.auth;

import dev.perfplatform.moalog.SelfUrl;
import dev.perfplatform.moalog.api.ApiException;
import dev.perfplatform.moalog.api.ErrorCode;
import dev.perfplatform.moalog.member.SocialType;
import io.netty.channel.ChannelOption;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.security.oauth2.client.endpoint.OAuth2AuthorizationCodeGrantRequest;
import org.springframework.security.oauth2.client.endpoint.WebClientReactiveAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.userinfo.DefaultReactiveOAuth2UserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserRequest;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationExchange;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

/**
 * The e-mail address behind an authorization code from Kakao or Google: the code is exchanged for the provider's
 * access token at its token endpoint ({@code client_secret_post}, with the redirect URI the web client used), then
 * the user-info endpoint is read (Kakao: {@code kakao_account.email}; Google: {@code email}). Spring Security's OAuth2
 * client makes both calls; this class only describes the providers and reads the answer. With the provider simulator
 * on, both providers' endpoints are this app's {@code /sim/oauth/...}. Any failure is {@code AUTH4002}.
 */
@Component
public class SocialLogin {

    private static final Logger log = LoggerFactory.getLogger(SocialLogin.class);
    private static final String STATE = "moalog";

    private final SocialSettings settings;
    private final SelfUrl self;
    private final boolean simulated;
    private final WebClientReactiveAuthorizationCodeTokenResponseClient tokens =
            new WebClientReactiveAuthorizationCodeTokenResponseClient();
    private final DefaultReactiveOAuth2UserService users = new DefaultReactiveOAuth2UserService();

    public SocialLogin(
            SocialSettings settings,
            SelfUrl self,
            @Value("${moalog.provider-simulator.enabled:false}") boolean simulated) {
        this.settings = settings;
        this.self = self;
        this.simulated = simulated;
        int timeoutMillis = Math.toIntExact(settings.timeout().toMillis());
        WebClient web = WebClient.builder()
                .clientConnector(new ReactorClientHttpConnector(HttpClient.create()
                        .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, timeoutMillis)
                        .responseTimeout(settings.timeout())))
                .build();
        tokens.setWebClient(web);
        users.setWebClient(web);
    }

    /** The verified e-mail of the account that granted {@code code}. */
    public Mono<String> email(SocialType provider, String code, String redirectUri) {
        ClientRegistration registration = registration(provider);
        OAuth2AuthorizationRequest request = OAuth2AuthorizationRequest.authorizationCode()
                .authorizationUri(
                        Objects.requireNonNull(registration.getProviderDetails().getAuthorizationUri()))
                .clientId(registration.getClientId())
                .redirectUri(redirectUri)
                .state(STATE)
                .build();
        OAuth2AuthorizationResponse response = OAuth2AuthorizationResponse.success(code)
                .redirectUri(redirectUri)
                .state(STATE)
                .build();
        return tokens.getTokenResponse(new OAuth2AuthorizationCodeGrantRequest(
                        registration, new OAuth2AuthorizationExchange(request, response)))
                .flatMap(token -> users.loadUser(new OAuth2UserRequest(registration, token.getAccessToken())))
                .map(user -> emailOf(provider, user.getAttributes()))
                .timeout(settings.timeout().multipliedBy(2))
                .onErrorMap(failure -> !(failure instanceof ApiException), failure -> {
                    log.warn("{} login failed: {}", provider, failure.toString());
                    return new ApiException(ErrorCode.SOCIAL_AUTH_FAILED);
                });
    }

    private static String emailOf(SocialType provider, Map<String, Object> attributes) {
        Object email = provider == SocialType.KAKAO
                ? attributes.get("kakao_account") instanceof Map<?, ?> account ? account.get("email") : null
                : attributes.get("email");
        if (!(email instanceof String address) || address.isBlank()) {
            throw new ApiException(ErrorCode.SOCIAL_AUTH_FAILED, "소셜 계정에 이메일이 없습니다. 이메일 제공에 동의해주세요.");
        }
        return address.strip();
    }

    private ClientRegistration registration(SocialType provider) {
        SocialSettings.Provider client = provider == SocialType.KAKAO ? settings.kakao() : settings.google();
        String id = provider.name().toLowerCase(java.util.Locale.ROOT);
        String authorization = client.authorizationUri();
        String token = client.tokenUri();
        String userInfo = client.userInfoUri();
        String clientId = client.clientId();
        if (simulated) {
            String base = self.base() + "/sim/oauth/" + id;
            authorization = base + "/authorize";
            token = base + "/token";
            userInfo = base + (provider == SocialType.KAKAO ? "/v2/user/me" : "/oauth2/v2/userinfo");
            clientId = clientId.isEmpty() ? "moalog-simulated" : clientId;
        }
        if (clientId.isEmpty()) {
            throw new ApiException(
                    ErrorCode.SOCIAL_AUTH_FAILED, provider + " 로그인이 설정되지 않았습니다 (" + provider + "_CLIENT_ID).");
        }
        return ClientRegistration.withRegistrationId(id)
                .clientId(clientId)
                .clientSecret(Objects.requireNonNullElse(client.clientSecret(), ""))
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .authorizationUri(authorization)
                .tokenUri(token)
                .userInfoUri(userInfo)
                .userNameAttributeName("id")
                .build();
    }
}
