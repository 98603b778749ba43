package dev.perfplatform.moalog.security;

import dev.perfplatform.moalog.MoalogSettings;
import dev.perfplatform.moalog.api.Envelopes;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import org.springframework.boot.security.autoconfigure.actuate.web.reactive.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;

/**
 * Two filter chains, both stateless (no session, no saved request) with CORS ({@link EnvelopeCors}) and the
 * {@link OriginCheck}:
 *
 * <ul>
 *   <li>the sign-in endpoints, which take no access token: {@code social-login}, {@code signup} (its sign-up token,
 *       checked by the handler), {@code token/refresh} (its refresh cookie), the opt-in development login and the
 *       provider simulator, whose user-info endpoint takes the simulator's own bearer tokens. An access token sent
 *       along is ignored there rather than refused;
 *   <li>everything else: the OAuth2 resource server verifies the access token from the header or cookie
 *       ({@link AccessTokens}) and finds its member ({@link MemberAuthentications}). Open: {@code /health}, the app
 *       port's {@code GET /actuator/health}, the API document and the management port (loopback by default); every
 *       other path needs a member, so an anonymous caller learns nothing about which paths exist (401).
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class SecurityConfiguration {

    static final String[] SIGN_IN_PATHS = {
        "/api/v1/auth/social-login",
        "/api/v1/auth/signup",
        "/api/v1/auth/token/refresh",
        "/api/auth/login/email",
        "/sim/oauth/**"
    };

    /** Also the one {@code ServerExchangeRejectedHandler} bean: firewall refusals in the envelope. */
    @Bean
    EnvelopeRefusals envelopeRefusals(Envelopes envelopes) {
        return new EnvelopeRefusals(envelopes);
    }

    @Bean
    MemberAuthentications memberAuthentications(KnownMembers members) {
        return new MemberAuthentications(members);
    }

    @Bean
    CorsConfigurationSource corsConfigurationSource(MoalogSettings settings) {
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOrigins(settings.allowedOrigins());
        cors.setAllowedMethods(List.of("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"));
        cors.setAllowedHeaders(List.of("Content-Type", "Authorization", "Accept", "Origin", "x-request-id"));
        cors.setExposedHeaders(
                List.of("x-request-id", "Retry-After", "RateLimit", "RateLimit-Policy", "Content-Disposition"));
        cors.setAllowCredentials(true);
        cors.setMaxAge(Duration.ofHours(1));
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/**", cors);
        return source;
    }

    @Bean
    @Order(1)
    SecurityWebFilterChain signInSecurity(
            ServerHttpSecurity http,
            EnvelopeRefusals refusals,
            MoalogSettings settings,
            Envelopes envelopes,
            CorsConfigurationSource cors) {
        return common(http, refusals, settings, envelopes, cors)
                .securityMatcher(ServerWebExchangeMatchers.pathMatchers(SIGN_IN_PATHS))
                .authorizeExchange(rules -> rules.anyExchange().permitAll())
                .build();
    }

    @Bean
    @Order(2)
    SecurityWebFilterChain apiSecurity(
            ServerHttpSecurity http,
            EnvelopeRefusals refusals,
            MoalogSettings settings,
            Envelopes envelopes,
            TokenCodec tokens,
            MemberAuthentications members,
            CorsConfigurationSource cors) {
        return common(http, refusals, settings, envelopes, cors)
                .authorizeExchange(rules -> {
                    rules.matchers(EndpointRequest.toAnyEndpoint()).permitAll();
                    rules.pathMatchers(
                                    HttpMethod.GET, "/health", "/actuator/health", "/v3/api-docs", "/v3/api-docs.yaml")
                            .permitAll();
                    rules.anyExchange().hasRole(MemberAuthentication.ROLE);
                })
                .oauth2ResourceServer(server -> server.bearerTokenConverter(new AccessTokens())
                        .authenticationEntryPoint(refusals)
                        .accessDeniedHandler(refusals)
                        .jwt(jwt -> jwt.jwtDecoder(tokens.accessDecoder()).jwtAuthenticationConverter(members)))
                .build();
    }

    private static ServerHttpSecurity common(
            ServerHttpSecurity http,
            EnvelopeRefusals refusals,
            MoalogSettings settings,
            Envelopes envelopes,
            CorsConfigurationSource cors) {
        return http.csrf(ServerHttpSecurity.CsrfSpec::disable) // replaced by the OriginCheck (no CSRF tokens)
                .addFilterAt(
                        new OriginCheck(new HashSet<>(settings.allowedOrigins()), envelopes),
                        SecurityWebFiltersOrder.CSRF)
                .cors(ServerHttpSecurity.CorsSpec::disable) // replaced by EnvelopeCors, at the same place
                .addFilterAt(new EnvelopeCors(cors, envelopes), SecurityWebFiltersOrder.CORS)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .exceptionHandling(
                        failures -> failures.authenticationEntryPoint(refusals).accessDeniedHandler(refusals));
    }
}
