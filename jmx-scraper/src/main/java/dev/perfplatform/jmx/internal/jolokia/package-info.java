/**
 * Internal, not API: reads one target through Jolokia: one bulk read plus a cached {@code list}, flattened into
 * attributes as jmx_exporter walks MBeans.
 *
 * <p>Transport: the JDK {@code java.net.http.HttpClient} with Jolokia's JSON library ({@code jolokia-json}), not
 * {@code jolokia-client-java}'s {@code JolokiaClient}: that client reads a whole answer into memory before parsing
 * (no byte cap while reading), fixes its socket timeout when the client is built (not per call from the remaining
 * deadline; its default is infinite), and turns any error entry of a bulk answer into an exception for the whole
 * bulk, where a failing MBean must drop only its own series. Here every POST carries the remaining deadline, the body
 * is parsed as it streams through a counting cap, and bulk entries are judged one by one.
 */
@NullMarked
package dev.perfplatform.jmx.internal.jolokia;

import org.jspecify.annotations.NullMarked;
