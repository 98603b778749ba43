package dev.perfplatform.ratelimit.spring.servlet;

import org.springframework.boot.test.context.SpringBootTest;

/** Tomcat with {@code server.forward-headers-strategy=framework} behind a trusted proxy. */
@SpringBootTest(
        classes = ServletTestApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.main.web-application-type=servlet", "server.forward-headers-strategy=framework"})
class ServletTrustedProxyFrameworkForwardingIntegrationTests extends ServletTrustedProxyContract {}
