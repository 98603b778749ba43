package dev.perfplatform.ratelimit.spring.servlet;

import org.springframework.boot.test.context.SpringBootTest;

/**
 * Tomcat with {@code server.forward-headers-strategy=native}: the filter still keys by the connection's peer, since
 * no proxy is trusted.
 */
@SpringBootTest(
        classes = ServletTestApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.main.web-application-type=servlet", "server.forward-headers-strategy=native"})
class ServletFilterNativeForwardingIntegrationTests extends ServletFilterContract {}
