package dev.perfplatform.ratelimit.security.servlet;

import dev.perfplatform.ratelimit.security.SecuredApplicationContract;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest(classes = SecuredServletApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ServletSecurityIntegrationTests extends SecuredApplicationContract {}
