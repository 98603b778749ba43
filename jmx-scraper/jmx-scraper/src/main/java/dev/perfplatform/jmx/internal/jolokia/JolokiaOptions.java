package dev.perfplatform.jmx.internal.jolokia;

/**
 * Bounds on what one Jolokia answer may cost: the byte cap applies while reading, the others are Jolokia's own
 * processing parameters sent with every bulk read.
 *
 * @param maxResponseBytes the largest response body read; a longer one fails the read (default 16 MiB, less on a small
 *     heap: see {@link #forHeap})
 * @param maxDepth Jolokia's {@code maxDepth}: how deep values are serialised
 * @param maxCollectionSize Jolokia's {@code maxCollectionSize}: the most elements of one collection or map
 * @param maxObjects Jolokia's {@code maxObjects}: the most objects serialised in one answer
 */
public record JolokiaOptions(long maxResponseBytes, int maxDepth, int maxCollectionSize, int maxObjects) {

    /** The default byte cap: 16 MiB. */
    public static final long DEFAULT_MAX_RESPONSE_BYTES = 16L * 1024 * 1024;

    /** The default {@code maxDepth}: deep enough for a GC's LastGcInfo (composite, table, composite). */
    public static final int DEFAULT_MAX_DEPTH = 10;

    /** The default {@code maxCollectionSize}. */
    public static final int DEFAULT_MAX_COLLECTION_SIZE = 10_000;

    /** The default {@code maxObjects}. */
    public static final int DEFAULT_MAX_OBJECTS = 500_000;

    /** The defaults. */
    public static final JolokiaOptions DEFAULTS = new JolokiaOptions(
            DEFAULT_MAX_RESPONSE_BYTES, DEFAULT_MAX_DEPTH, DEFAULT_MAX_COLLECTION_SIZE, DEFAULT_MAX_OBJECTS);

    /**
     * The defaults for a JVM whose heap may grow to {@code maxHeapBytes}: the byte cap is lowered to a 32nd of the
     * heap (never under 1 MiB), because the JSON tree of an answer takes several times its bytes; at {@code -Xmx32m}
     * a hostile agent's endless body then stops at 1 MiB instead of filling the heap.
     */
    public static JolokiaOptions forHeap(long maxHeapBytes) {
        long cap = Math.min(DEFAULT_MAX_RESPONSE_BYTES, Math.max(1024L * 1024, maxHeapBytes / 32));
        return DEFAULTS.withMaxResponseBytes(cap);
    }

    public JolokiaOptions {
        if (maxResponseBytes < 1) {
            throw new IllegalArgumentException("maxResponseBytes must be positive, was " + maxResponseBytes);
        }
        if (maxDepth < 1) {
            throw new IllegalArgumentException("maxDepth must be positive, was " + maxDepth);
        }
        if (maxCollectionSize < 0) {
            throw new IllegalArgumentException("maxCollectionSize must not be negative, was " + maxCollectionSize);
        }
        if (maxObjects < 0) {
            throw new IllegalArgumentException("maxObjects must not be negative, was " + maxObjects);
        }
    }

    /** These options with another byte cap. */
    public JolokiaOptions withMaxResponseBytes(long bytes) {
        return new JolokiaOptions(bytes, maxDepth, maxCollectionSize, maxObjects);
    }
}
