/**
 * The values that cross the scraper's stages: attributes read from a target and the metric families made of them.
 */
@NullMarked
package dev.perfplatform.jmx.model;

import org.jspecify.annotations.NullMarked;
