package dev.perfplatform.payment.client;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One page of a list, in the order FluxPay returns it (newest first). Pass {@link #nextCursor()} as {@code
 * startingAfter} to read the next page, or use the {@code listAutoPaging} methods.
 *
 * @param items the items of this page
 * @param hasMore whether another page follows
 * @param nextCursor the cursor of the next page; null on the last page
 * @param <T> the item type
 */
public record Page<T>(
        List<T> items, boolean hasMore, @Nullable String nextCursor) {

    /** Copies the items; a missing list reads as empty. */
    public Page {
        items = List.copyOf(Objects.requireNonNullElse(items, List.of()));
    }
}
