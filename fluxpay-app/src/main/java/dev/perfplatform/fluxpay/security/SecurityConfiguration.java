package dev.perfplatform.fluxpay.security;

import dev.perfplatform.fluxpay.admin.AdminSettings;
import dev.perfplatform.fluxpay.api.ApiResponses;
import dev.perfplatform.fluxpay.merchant.MerchantRepository;
import dev.perfplatform.fluxpay.pg.PgMode;
import org.springframework.boot.security.autoconfigure.actuate.web.reactive.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.AuthenticationWebFilter;
import org.springframework.security.web.server.authentication.ServerAuthenticationEntryPointFailureHandler;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import reactor.core.publisher.Mono;

/**
 * The rules, first match wins: the management port (loopback by default) is open to whoever can reach it;
 * {@code GET /actuator/health} on the app port, Toss's webhooks, the public API document and, only in
 * {@link PgMode#SIMULATOR}, the simulator are open; {@code /admin/v1/**} and the admin API document need the admin
 * key; {@code /api/v1/**} needs a merchant's key; anything else needs some valid key, so an anonymous caller learns
 * nothing about which paths exist (401) while an authenticated one gets an honest 404. Stateless: no session, no
 * saved request, no CSRF (no cookies or browser sessions are involved).
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class SecurityConfiguration {

    static final String ADMIN_PATHS = "/admin/v1/**";
    static final String MERCHANT_PATHS = "/api/v1/**";

    /**
     * Also the one {@link ServerExchangeRejectedHandler} bean, which Spring Security's {@code WebFilterChainProxy}
     * picks up (only when it is unique): firewall refusals in the envelope.
     */
    @Bean
    EnvelopeRefusals envelopeRefusals(ApiResponses responses) {
        return new EnvelopeRefusals(responses);
    }

    @Bean
    ApiKeyAuthenticationManager apiKeyAuthenticationManager(AdminSettings admin, MerchantRepository merchants) {
        return new ApiKeyAuthenticationManager(admin, merchants);
    }

    @Bean
    SecurityWebFilterChain apiSecurity(
            ServerHttpSecurity http,
            ApiKeyAuthenticationManager authentication,
            EnvelopeRefusals refusals,
            PgMode pgMode) {
        return http.csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .addFilterAt(bearerKeys(authentication, refusals), SecurityWebFiltersOrder.AUTHENTICATION)
                .authorizeExchange(rules -> {
                    rules.matchers(EndpointRequest.toAnyEndpoint()).permitAll();
                    rules.pathMatchers(HttpMethod.GET, "/actuator/health").permitAll();
                    rules.pathMatchers(HttpMethod.POST, "/webhooks/toss").permitAll();
                    rules.pathMatchers(HttpMethod.GET, "/v3/api-docs/public").permitAll();
                    if (pgMode == PgMode.SIMULATOR) {
                        rules.pathMatchers("/sim/**").permitAll();
                    }
                    rules.pathMatchers(ADMIN_PATHS, "/v3/api-docs", "/v3/api-docs/**")
                            .hasRole(ApiKeyAuthenticationManager.ADMIN_ROLE);
                    rules.pathMatchers(MERCHANT_PATHS).hasRole(ApiKeyAuthenticationManager.MERCHANT_ROLE);
                    rules.anyExchange().authenticated();
                })
                .exceptionHandling(
                        failures -> failures.authenticationEntryPoint(refusals).accessDeniedHandler(refusals))
                .build();
    }

    /** Authenticates a request that carries a bearer key; one without stays anonymous for the rules to judge. */
    private static AuthenticationWebFilter bearerKeys(
            ApiKeyAuthenticationManager authentication, EnvelopeRefusals refusals) {
        AuthenticationWebFilter filter = new AuthenticationWebFilter(authentication);
        filter.setServerAuthenticationConverter(
                exchange -> Mono.justOrEmpty(BearerTokens.of(exchange)).map(ApiKeyAuthentication::presented));
        filter.setAuthenticationFailureHandler(new ServerAuthenticationEntryPointFailureHandler(refusals));
        filter.setSecurityContextRepository(NoOpServerSecurityContextRepository.getInstance());
        return filter;
    }
}
