/**
 * Internal, not API: Scrapes many targets concurrently, each within its own deadline, and adds the scraper's self-metrics.
 */
@NullMarked
package dev.perfplatform.jmx.internal.scrape;

import org.jspecify.annotations.NullMarked;
