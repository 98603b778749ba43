package dev.perfplatform.jmx.spring;

import dev.perfplatform.jmx.JmxScraper;

/**
 * The version {@code jmx_scraper_build_info} reports: the library jar's {@code Implementation-Version}, or
 * {@code unknown} when the library is a classes directory (a reactor build that has not packaged it yet).
 */
final class LibraryVersion {

    private LibraryVersion() {}

    static String of() {
        String version = JmxScraper.class.getPackage().getImplementationVersion();
        return version == null ? "unknown" : version;
    }
}
