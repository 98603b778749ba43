/** Test fixtures: child JVMs with test MBeans and the Jolokia agent, jmx_exporter as an oracle, a text parser. */
package dev.perfplatform.jmx.testing;
