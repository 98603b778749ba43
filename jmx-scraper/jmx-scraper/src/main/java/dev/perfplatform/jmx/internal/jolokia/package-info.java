/**
 * Internal, not API: reads one target through Jolokia: one bulk read plus a cached {@code list}, flattened into
 * attributes as jmx_exporter walks MBeans.
 *
 * <p>Transport: the JDK {@code java.net.http.HttpClient} with Jolokia's JSON parser ({@code jolokia-json}), not
 * {@code jolokia-client-java} 2.4.3's {@code JolokiaClient}, because that client (checked in its 2.4.3 classes) has
 * no byte cap on an answer, takes its request timeout from the client's configuration rather than from each call's
 * remaining deadline, has no {@code openTypes} processing parameter in {@code JolokiaQueryParameter} (the list
 * option that gives table index names and composite item types, protocol 8.2), and reports any failed entry of a
 * bulk as a {@code JolokiaBulkRemoteException}. Here every POST carries the remaining deadline, the body is parsed
 * as it streams through a counting cap, and bulk entries are judged one by one.
 */
@NullMarked
package dev.perfplatform.jmx.internal.jolokia;

import org.jspecify.annotations.NullMarked;
