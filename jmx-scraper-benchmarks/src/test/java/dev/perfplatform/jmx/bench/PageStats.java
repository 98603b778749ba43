package dev.perfplatform.jmx.bench;

import java.util.Map;
import java.util.TreeMap;

/**
 * What the driver checks on every answer: the number of series, how many came from the generated-attributes rule
 * ({@code test_generated}), and our per-target {@code jmx_scraper_target_up} values.
 *
 * @param series sample lines on the page
 * @param generated sample lines of the {@code test_generated} family (exactly 1,000 per target when right)
 * @param up {@code jmx_scraper_target_up} by target (empty on jmx_exporter's pages)
 */
record PageStats(int series, int generated, Map<String, Double> up) {

    private static final String GENERATED = "test_generated{";
    private static final String UP = "jmx_scraper_target_up{";

    /** Counts one Prometheus text page. */
    static PageStats of(String page) {
        int series = 0;
        int generated = 0;
        Map<String, Double> up = new TreeMap<>();
        int start = 0;
        while (start < page.length()) {
            int end = page.indexOf('\n', start);
            if (end < 0) {
                end = page.length();
            }
            if (end > start && page.charAt(start) != '#') {
                series++;
                if (page.startsWith(GENERATED, start)) {
                    generated++;
                } else if (page.startsWith(UP, start)) {
                    String line = page.substring(start, end);
                    int target = line.indexOf("target=\"");
                    if (target >= 0) {
                        String name = line.substring(target + 8, line.indexOf('"', target + 8));
                        up.put(name, Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)));
                    }
                }
            }
            start = end + 1;
        }
        return new PageStats(series, generated, up);
    }

    /** How many targets read {@code up} 0. */
    long down() {
        return up.values().stream().filter(value -> value == 0).count();
    }
}
