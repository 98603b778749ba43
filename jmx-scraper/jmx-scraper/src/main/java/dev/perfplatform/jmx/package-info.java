/**
 * Reads JMX MBeans from many JVMs through Jolokia and renders them as Prometheus metrics with jmx_exporter's rules:
 * {@link dev.perfplatform.jmx.JmxScraper} scrapes a page, {@link dev.perfplatform.jmx.ExpositionFormat} writes it as
 * Prometheus text or OpenMetrics.
 *
 * <p>{@code ...config} reads the YAML (an existing jmx_exporter rules file works unchanged) and {@code ...model}
 * holds the values that cross the stages. The stages are internal: {@code ...internal.jolokia} reads one target with
 * one bulk request and flattens it into {@link dev.perfplatform.jmx.model.JmxAttribute}s as jmx_exporter walks
 * MBeans (an {@link dev.perfplatform.jmx.AttributeSource}); {@code ...internal.rules} applies jmx_exporter's rule
 * semantics (a {@link dev.perfplatform.jmx.MetricMapper}); {@code ...internal.scrape} scrapes many targets
 * concurrently, each within its own deadline, and adds the self-metrics; {@code ...internal.exposition} holds the
 * writers behind {@code ExpositionFormat}. The standalone server ({@code ...server}) and the Spring Boot
 * auto-configuration ({@code ...spring}) are separate artifacts built on this public API.
 */
@NullMarked
package dev.perfplatform.jmx;

import org.jspecify.annotations.NullMarked;
