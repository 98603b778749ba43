package dev.perfplatform.jmx.bench;

import java.io.IOException;
import java.util.List;

/** One side of the comparison: something that answers a scrape with a Prometheus text page, run as processes. */
interface Contender extends AutoCloseable {

    /** A short name for tables ({@code jmx-scraper}, {@code jmx_exporter}). */
    String name();

    /** Scrapes once and returns the page; a non-200 answer is an {@link IOException}. */
    String scrape() throws IOException;

    /** The process ids whose memory counts against this contender. */
    List<Long> pids();

    @Override
    void close();
}
