package dev.perfplatform.fluxpay.api;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One page of a list, newest first: pass {@code nextCursor} as {@code startingAfter} for the next; {@code hasMore}
 * says whether there is one.
 */
public record Page<T>(
        List<T> items, boolean hasMore, @Nullable String nextCursor) {}
