/** The compatibility oracle: our output against jmx_exporter 1.0.1's for the same JVM and rules. */
package dev.perfplatform.jmx.compat;
