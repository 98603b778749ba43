/**
 * An app's whole HTTP surface as tests see it: every endpoint enumerated from its WebFlux handler mappings (so an
 * endpoint added later is covered without editing a test), the path tricks an attacker tries on each (an encoded
 * letter, {@code ;} parameters, an encoded slash, {@code //}, a trailing slash, changed case), requests sent with the
 * path exactly as written, and a check that a request wrote no rows. Each app supplies what is its own: its envelope,
 * its credentials, its tables.
 *
 * <pre>{@code
 * for (Endpoint endpoint : Endpoints.of(handlerMapping)) {
 *     for (String path : PathTricks.of(endpoint.samplePath("x"))) {
 *         RawResponse answer = client.send(endpoint.method(), path, Map.of());
 *         ...
 *     }
 * }
 * }</pre>
 */
@NullMarked
package dev.perfplatform.testing.http;

import org.jspecify.annotations.NullMarked;
