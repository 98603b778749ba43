package dev.perfplatform.ratelimit.spring.webflux;

import java.time.Duration;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/** WebTestClients on a real port, one connection per request: no pooled connection outlives its server. */
final class TestClients {

    private TestClients() {}

    static WebTestClient to(int port) {
        HttpClient http = HttpClient.create(ConnectionProvider.newConnection());
        return WebTestClient.bindToServer(new ReactorClientHttpConnector(http))
                .baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(20))
                .build();
    }
}
