package dev.perfplatform.moalog.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document at {@code /v3/api-docs}: every endpoint of the app, open to anyone, with the two ways a member
 * authenticates (the {@code access_token} cookie or {@code Authorization: Bearer}).
 */
@Configuration(proxyBeanMethods = false)
class ApiDocuments {

    static final String VERSION = "v1";

    @Bean
    OpenAPI moalogApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("moalog API")
                        .version(VERSION)
                        .description("Retrospectives: sign-in, retro rooms, retrospects, responses, comments and likes."
                                + " Every answer is the envelope {isSuccess, code, message, result}.")
                        .license(new License().name("Apache-2.0")))
                .components(new Components()
                        .addSecuritySchemes(
                                "bearer",
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .bearerFormat("JWT")
                                        .description("An access token as a bearer token"))
                        .addSecuritySchemes(
                                "cookie",
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.APIKEY)
                                        .in(SecurityScheme.In.COOKIE)
                                        .name("access_token")
                                        .description("The access token cookie set by sign-in")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"))
                .addSecurityItem(new SecurityRequirement().addList("cookie"));
    }
}
