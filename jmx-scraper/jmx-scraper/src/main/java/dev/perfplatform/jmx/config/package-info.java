/**
 * The scraper's YAML configuration: targets plus every key of jmx_exporter 1.0.1's rules file.
 */
@NullMarked
package dev.perfplatform.jmx.config;

import org.jspecify.annotations.NullMarked;
