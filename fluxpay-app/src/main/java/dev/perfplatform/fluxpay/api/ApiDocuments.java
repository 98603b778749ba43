package dev.perfplatform.fluxpay.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.models.GroupedOpenApi;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI documents, one per audience: {@code /v3/api-docs/public} (the merchant API, Toss's webhook route and
 * the app port's health; open to anyone), {@code /v3/api-docs/admin} (the operator's merchant administration; served
 * only with the admin key) and {@code /v3/api-docs/simulator} (the PG simulator, when it runs; admin key too). Each
 * names its bearer scheme.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocuments {

    static final String VERSION = "v1";
    private static final String BEARER = "bearer";

    @Bean
    GroupedOpenApi publicApi() {
        return group(
                "public",
                "FluxPay merchant API",
                "Orders, payments, refunds and webhook deliveries of one merchant, authenticated by the merchant's API"
                        + " key (Authorization: Bearer sk_...). Mutations take an Idempotency-Key header.",
                "/api/v1/**",
                "/webhooks/toss",
                "/actuator/health");
    }

    @Bean
    GroupedOpenApi adminApi() {
        return group(
                "admin",
                "FluxPay admin API",
                "Merchant administration for the operator, authenticated by FLUXPAY_ADMIN_KEY"
                        + " (Authorization: Bearer <admin key>).",
                "/admin/v1/**");
    }

    @Bean
    GroupedOpenApi simulatorApi() {
        return group(
                "simulator",
                "FluxPay PG simulator",
                "A TossPayments v1 look-alike for development and tests; present only with FLUXPAY_PG_MODE=simulator.",
                "/sim/**");
    }

    private static GroupedOpenApi group(String name, String title, String description, String... paths) {
        return GroupedOpenApi.builder()
                .group(name)
                .pathsToMatch(paths)
                .addOpenApiCustomizer(document -> document.info(new Info()
                                .title(title)
                                .version(VERSION)
                                .description(description)
                                .license(new License().name("Apache-2.0")))
                        .components((document.getComponents() == null ? new Components() : document.getComponents())
                                .addSecuritySchemes(
                                        BEARER,
                                        new SecurityScheme()
                                                .type(SecurityScheme.Type.HTTP)
                                                .scheme("bearer")
                                                .description("An API key as a bearer token")))
                        .addSecurityItem(new SecurityRequirement().addList(BEARER)))
                .build();
    }
}
