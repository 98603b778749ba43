package dev.perfplatform.ratelimit.security.webflux;

import dev.perfplatform.ratelimit.security.FilterBeforeSecurityContract;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest(
        classes = SecuredWebFluxApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.main.web-application-type=reactive")
class WebFluxFilterBeforeSecurityIntegrationTests extends FilterBeforeSecurityContract {}
