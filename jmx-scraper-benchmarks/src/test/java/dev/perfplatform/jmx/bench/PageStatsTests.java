package dev.perfplatform.jmx.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PageStatsTests {

    private static final String PAGE = """
            # HELP test_generated A generated test attribute
            # TYPE test_generated gauge
            test_generated{attribute="Attr0",mbean="g0",target="a"} 0.0
            test_generated{attribute="Attr1",mbean="g0",target="b"} 1.0
            test_generated_other{target="a"} 2.0
            # TYPE jmx_scraper_target_up gauge
            jmx_scraper_target_up{target="a"} 1.0
            jmx_scraper_target_up{target="b"} 0.0
            """;

    @Test
    void countsSeriesGeneratedSeriesAndUpByTarget() {
        PageStats stats = PageStats.of(PAGE);

        assertThat(stats.series()).isEqualTo(5);
        assertThat(stats.generated()).isEqualTo(2);
        assertThat(stats.up()).isEqualTo(Map.of("a", 1.0, "b", 0.0));
        assertThat(stats.down()).isEqualTo(1);
    }

    @Test
    void rejectsAPageWithTheWrongNumberOfGeneratedSeries() {
        PageStats stats = PageStats.of(PAGE);

        assertThat(PageCheck.expecting(2, 1).problem(stats)).isNull();
        assertThat(PageCheck.expecting(3, 1).problem(stats)).isEqualTo("expected 3 test_generated series, got 2");
        assertThat(PageCheck.expecting(2, 0).problem(stats))
                .isEqualTo("expected 0 targets at up 0, got {a=1.0, b=0.0}");
    }

    @Test
    void countsALastLineWithoutNewline() {
        assertThat(PageStats.of("a 1\nb 2").series()).isEqualTo(2);
    }
}
