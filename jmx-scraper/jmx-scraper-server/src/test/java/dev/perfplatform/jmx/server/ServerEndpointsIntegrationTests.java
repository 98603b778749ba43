package dev.perfplatform.jmx.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ServerEndpointsIntegrationTests {

    private static ServerFixture fixture;

    @BeforeAll
    static void start() throws IOException {
        fixture = ServerFixture.plain();
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    @Test
    void servesEveryTargetAsPrometheusTextByDefault() throws Exception {
        HttpResponse<String> response = fixture.get("/metrics");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/plain; version=0.0.4; charset=utf-8");
        assertThat(response.body()).contains("""
                        # HELP used help used
                        # TYPE used gauge
                        used{env="prod",target="a",type="Memory"} 5.0
                        used{target="b",type="Memory"} 6.0
                        """).contains("jmx_scraper_target_up{target=\"a\"} 1.0\n");
    }

    @Test
    void servesOpenMetricsWhenAskedFor() throws Exception {
        HttpResponse<String> response = fixture.client.send(
                fixture.request("/metrics")
                        .header("Accept", "application/openmetrics-text;version=1.0.0,text/plain;q=0.5")
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.headers().firstValue("Content-Type"))
                .hasValue("application/openmetrics-text; version=1.0.0; charset=utf-8");
        assertThat(response.body())
                .contains("# TYPE jmx_scraper_scrape_errors counter\n")
                .endsWith("\n# EOF\n");
    }

    @Test
    void gzipsWhenAccepted() throws Exception {
        HttpResponse<InputStream> response = fixture.client.send(
                fixture.request("/metrics").header("Accept-Encoding", "gzip").build(),
                HttpResponse.BodyHandlers.ofInputStream());

        assertThat(response.headers().firstValue("Content-Encoding")).hasValue("gzip");
        try (InputStream body = new GZIPInputStream(response.body())) {
            assertThat(new String(body.readAllBytes(), StandardCharsets.UTF_8))
                    .contains("used{target=\"b\",type=\"Memory\"} 6.0\n");
        }
    }

    @Test
    void probesOneTargetWithoutTheTargetLabel() throws Exception {
        HttpResponse<String> response = fixture.get("/probe?target=a");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body())
                .contains("used{env=\"prod\",type=\"Memory\"} 5.0\n")
                .doesNotContain("6.0");
        assertThat(fixture.get("/probe").statusCode()).isEqualTo(400);
        assertThat(fixture.get("/probe?target=nope").statusCode()).isEqualTo(404);
    }

    @Test
    void reportsHealth() throws Exception {
        HttpResponse<String> response = fixture.get("/health");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("ok\n");
    }

    @Test
    void showsHowTheRulesTreatEachAttribute() throws Exception {
        HttpResponse<String> response = fixture.get("/debug?target=a");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("""
                        # target a: 1 attributes

                        test<type=Memory><>used: 5
                          rule:   #0 pattern .*
                          result: used 5
                        """);
        assertThat(fixture.get("/debug").statusCode()).isEqualTo(400);
        assertThat(fixture.get("/debug?target=nope").statusCode()).isEqualTo(404);
    }

    @Test
    void linksEveryTargetFromTheIndex() throws Exception {
        HttpResponse<String> response = fixture.get("/");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        assertThat(response.body())
                .contains("<a href=\"/probe?target=a\">probe</a>")
                .contains("<a href=\"/debug?target=b\">debug</a>");
        assertThat(fixture.get("/nothing-here").statusCode()).isEqualTo(404);
    }

    @Test
    void allowsOnlyGetAndHead() throws Exception {
        HttpResponse<String> post = fixture.client.send(
                fixture.request("/metrics")
                        .POST(HttpRequest.BodyPublishers.ofString("x"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> head = fixture.client.send(
                fixture.request("/metrics")
                        .method("HEAD", HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(post.statusCode()).isEqualTo(405);
        assertThat(post.headers().firstValue("Allow")).hasValue("GET, HEAD");
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.headers().firstValue("Content-Type")).hasValue("text/plain; version=0.0.4; charset=utf-8");
        assertThat(head.body()).isEmpty();
    }
}
