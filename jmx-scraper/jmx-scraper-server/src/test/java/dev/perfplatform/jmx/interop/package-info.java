/** Our pages checked by Prometheus's own tools: {@code promtool check metrics} and a real Prometheus server. */
package dev.perfplatform.jmx.interop;
