/**
 * Spring Boot auto-configuration ({@code jmx.scraper.*}): scraped targets at their own actuator endpoint.
 */
@NullMarked
package dev.perfplatform.jmx.spring;

import org.jspecify.annotations.NullMarked;
