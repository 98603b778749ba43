package dev.perfplatform.moalog.auth;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The social logins ({@code moalog.social.*}): each provider's client and endpoints, so any compatible server (or
 * the provider simulator) can stand in for Kakao and Google.
 *
 * @param timeout the deadline of each call to a provider (10 s)
 * @param kakao Kakao's client ({@code KAKAO_CLIENT_ID}, {@code KAKAO_CLIENT_SECRET}) and endpoints
 * @param google Google's client ({@code GOOGLE_CLIENT_ID}, {@code GOOGLE_CLIENT_SECRET}) and endpoints
 */
@ConfigurationProperties("moalog.social")
public record SocialSettings(Duration timeout, Provider kakao, Provider google) {

    /** One provider's OAuth client: its credentials are secrets and never logged. */
    public record Provider(
            String clientId, String clientSecret, String authorizationUri, String tokenUri, String userInfoUri) {}
}
