package dev.perfplatform.jmx.spring;

import static dev.perfplatform.jmx.FakeSource.attribute;
import static org.assertj.core.api.Assertions.assertThat;

import dev.perfplatform.jmx.FakeMapper;
import dev.perfplatform.jmx.FakeSource;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;

@SpringBootTest(
        classes = JmxScraperEndpointIntegrationTests.App.class,
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.main.web-application-type=reactive",
            "management.endpoints.web.exposure.include=jmxscraper,prometheus",
            "jmx.scraper.targets[0].name=a",
            "jmx.scraper.targets[0].url=http://127.0.0.1:1/jolokia",
            "jmx.scraper.targets[0].labels.env=prod",
            "jmx.scraper.targets[1].name=b",
            "jmx.scraper.targets[1].url=http://127.0.0.1:2/jolokia",
            "jmx.scraper.prometheus.merge=true"
        })
class JmxScraperEndpointIntegrationTests {

    private static final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @LocalServerPort
    private int port;

    @Autowired
    private MeterRegistry meters;

    @Test
    void servesEveryTargetAsPrometheusTextByDefault() throws Exception {
        HttpResponse<String> response = get("/actuator/jmxscraper", null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/plain;version=0.0.4;charset=utf-8");
        assertThat(response.body()).isEqualTo("""
                # HELP jmx_scraper_build_info The jmx-scraper build.
                # TYPE jmx_scraper_build_info gauge
                jmx_scraper_build_info{version="%s"} 1.0
                # HELP jmx_scraper_dropped_families Rule families dropped from this scrape because a self-metric has their name.
                # TYPE jmx_scraper_dropped_families gauge
                jmx_scraper_dropped_families{target="a"} 0.0
                jmx_scraper_dropped_families{target="b"} 0.0
                # HELP jmx_scraper_scrape_duration_seconds How long this scrape waited for the target, in seconds.
                # TYPE jmx_scraper_scrape_duration_seconds gauge
                jmx_scraper_scrape_duration_seconds{target="a"} 0.0
                jmx_scraper_scrape_duration_seconds{target="b"} 0.0
                # HELP jmx_scraper_scrape_errors_total Scrapes of the target that failed or overran its deadline.
                # TYPE jmx_scraper_scrape_errors_total counter
                jmx_scraper_scrape_errors_total{target="a"} 0.0
                jmx_scraper_scrape_errors_total{target="b"} 0.0
                # HELP jmx_scraper_series Series the target contributed to this scrape.
                # TYPE jmx_scraper_series gauge
                jmx_scraper_series{target="a"} 2.0
                jmx_scraper_series{target="b"} 1.0
                # HELP jmx_scraper_target_up 1 when the target answered within its deadline, else 0.
                # TYPE jmx_scraper_target_up gauge
                jmx_scraper_target_up{target="a"} 1.0
                jmx_scraper_target_up{target="b"} 1.0
                # HELP jvm_memory_used_bytes help jvm_memory_used_bytes
                # TYPE jvm_memory_used_bytes gauge
                jvm_memory_used_bytes{env="prod",target="a",type="Memory"} 1.0
                # HELP used help used
                # TYPE used gauge
                used{env="prod",target="a",type="Memory"} 5.0
                used{target="b",type="Memory"} 6.0
                """.formatted(LibraryVersion.of()));
    }

    @Test
    void servesOpenMetricsWhenAskedFor() throws Exception {
        HttpResponse<String> response = get(
                "/actuator/jmxscraper",
                "application/openmetrics-text;version=1.0.0;q=0.5,text/plain;version=0.0.4;q=0.4,*/*;q=0.1");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValue("application/openmetrics-text;version=1.0.0;charset=utf-8");
        assertThat(response.body())
                .contains("# TYPE used gauge\n")
                .contains("used{target=\"b\",type=\"Memory\"} 6.0\n")
                .contains("# TYPE jmx_scraper_scrape_errors counter\n")
                .endsWith("# EOF\n");
    }

    @Test
    void probesOneTargetAndAnswers404ForAnUnknownOne() throws Exception {
        HttpResponse<String> probe = get("/actuator/jmxscraper?target=a", "text/plain");

        assertThat(probe.statusCode()).isEqualTo(200);
        assertThat(probe.body())
                .contains("used{env=\"prod\",type=\"Memory\"} 5.0\n")
                .contains("jmx_scraper_target_up{target=\"a\"} 1.0\n")
                .doesNotContain("target=\"b\"");
        assertThat(get("/actuator/jmxscraper?target=nope", null).statusCode()).isEqualTo(404);
    }

    @Test
    void mergesIntoActuatorPrometheusDroppingOnlyTheFamilyNamedLikeAMicrometerMeter() throws Exception {
        double before = dropped();

        HttpResponse<String> response = get("/actuator/prometheus", null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body())
                .contains("used{target=\"b\",type=\"Memory\"} 6.0\n")
                .contains("jmx_scraper_target_up{target=\"a\"} 1.0\n")
                .contains("jvm_memory_used_bytes{area=\"heap\"")
                .doesNotContain("jvm_memory_used_bytes{env=\"prod\"");
        assertThat(dropped()).isEqualTo(before + 1);
    }

    private double dropped() {
        return meters.get(JmxScraperPrometheusCollector.DROPPED_METER)
                .tag("reason", "collision")
                .counter()
                .count();
    }

    private HttpResponse<String> get(String path, String accept) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10));
        if (accept != null) {
            request.header("Accept", accept);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {

        /** Fixed targets, until the lead's end-to-end test reads real JVMs. */
        @Bean
        JmxScraperBuilderCustomizer fakeTargets() {
            Map<String, FakeSource> sources = Map.of(
                    "a",
                    FakeSource.serving(attribute("Memory", "used", 5), attribute("Memory", "jvm_memory_used_bytes", 1)),
                    "b",
                    FakeSource.serving(attribute("Memory", "used", 6)));
            return builder -> builder.sources((target, rules) -> sources.get(target.name()))
                    .mappers(rules -> new FakeMapper())
                    .nanoTime(() -> 0L);
        }
    }
}
