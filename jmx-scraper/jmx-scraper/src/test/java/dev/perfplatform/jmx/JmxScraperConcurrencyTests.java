package dev.perfplatform.jmx;

import static dev.perfplatform.jmx.FakeSource.attribute;
import static dev.perfplatform.jmx.JmxScraperTests.config;
import static dev.perfplatform.jmx.JmxScraperTests.lines;
import static dev.perfplatform.jmx.JmxScraperTests.target;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.perfplatform.jmx.config.TargetConfig;
import dev.perfplatform.jmx.model.MetricFamily;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Real time where it must be: the hanging sources block 10 s, and only "returned well before that" is asserted. */
class JmxScraperConcurrencyTests {

    private final Map<String, FakeSource> sources = new HashMap<>();

    @AfterEach
    void releaseHangingSources() {
        sources.values().forEach(FakeSource::release);
    }

    @Test
    void aTargetOverrunningItsDeadlineIsDownWhileTheOthersArePresent() {
        sources.put("hangs", FakeSource.blocking(attribute("Memory", "used", 1)));
        sources.put("ok", FakeSource.serving(attribute("Memory", "used", 2)));
        TargetConfig hangs = new TargetConfig(
                "hangs", URI.create("http://127.0.0.1:1/jolokia"), null, null, Duration.ofMillis(200), Map.of());

        try (JmxScraper scraper = scraper(hangs, target("ok", Map.of()))) {
            long start = System.nanoTime();
            List<MetricFamily> page = scraper.scrape(null);
            long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

            assertThat(elapsedMillis).isLessThan(5_000); // the hanging read blocks 10 s
            assertThat(lines(page, "jmx_scraper_target_up{"))
                    .containsExactly(
                            "jmx_scraper_target_up{target=\"hangs\"} 0.0", "jmx_scraper_target_up{target=\"ok\"} 1.0");
            assertThat(lines(page, "jmx_scraper_scrape_duration_seconds{target=\"hangs\"}"))
                    .containsExactly("jmx_scraper_scrape_duration_seconds{target=\"hangs\"} 0.2");
            assertThat(lines(page, "used{")).containsExactly("used{target=\"ok\",type=\"Memory\"} 2.0");
        }
    }

    @Test
    void prometheusScrapeTimeoutBoundsEveryTargetsDeadline() {
        sources.put("hangs", FakeSource.blocking(attribute("Memory", "used", 1)));

        try (JmxScraper scraper = scraper(target("hangs", Map.of()))) { // default deadline 10 s
            long start = System.nanoTime();
            List<MetricFamily> page = scraper.scrape(Duration.ofMillis(300));
            long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

            assertThat(elapsedMillis).isLessThan(5_000);
            assertThat(lines(page, "jmx_scraper_scrape_duration_seconds{"))
                    .containsExactly("jmx_scraper_scrape_duration_seconds{target=\"hangs\"} 0.27");
        }
    }

    @Test
    void overlappingScrapesOfOneTargetShareOneRead() throws Exception {
        FakeSource blocking = FakeSource.blocking(attribute("Memory", "used", 1));
        sources.put("a", blocking);

        try (JmxScraper scraper = scraper(target("a", Map.of()))) {
            CompletableFuture<List<MetricFamily>> first = CompletableFuture.supplyAsync(() -> scraper.scrape(null));
            await().atMost(Duration.ofSeconds(5)).until(() -> blocking.reads() == 1);
            FutureTask<List<MetricFamily>> secondScrape = new FutureTask<>(() -> scraper.scrape(null));
            Thread second = new Thread(secondScrape);
            second.start();
            await().atMost(Duration.ofSeconds(5)).until(() -> second.getState() == Thread.State.TIMED_WAITING);
            blocking.release();

            assertThat(lines(first.get(5, TimeUnit.SECONDS), "used{"))
                    .containsExactly("used{target=\"a\",type=\"Memory\"} 1.0");
            assertThat(lines(secondScrape.get(5, TimeUnit.SECONDS), "used{"))
                    .containsExactly("used{target=\"a\",type=\"Memory\"} 1.0");
            assertThat(blocking.reads()).isEqualTo(1);
        }
    }

    private JmxScraper scraper(TargetConfig... targets) {
        return JmxScraper.builder()
                .config(config(targets))
                .sources((target, rules) -> sources.get(target.name()))
                .mappers(rules -> new FakeMapper())
                .build();
    }
}
