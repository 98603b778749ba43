package dev.perfplatform.fluxpay.api;

import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * One page of a list, newest first: pass {@code nextCursor} as {@code startingAfter} for the next; {@code hasMore}
 * says whether there is one.
 */
public record Page<T>(
        List<T> items, boolean hasMore, @Nullable String nextCursor) {

    static final int DEFAULT_SIZE = 20;
    static final int MAX_SIZE = 100;

    /** The page size asked for, checked: 1 to {@value #MAX_SIZE}, {@value #DEFAULT_SIZE} by default. */
    public static int size(@Nullable Integer limit) {
        int size = limit == null ? DEFAULT_SIZE : limit;
        if (size < 1 || size > MAX_SIZE) {
            throw new ApiException(
                    ErrorCode.VAL_001,
                    "Invalid request",
                    List.of(new ApiResponse.FieldError("limit", "must be between 1 and " + MAX_SIZE)));
        }
        return size;
    }

    /** The page from a query for {@code size + 1} rows: the extra row only says there are more. */
    public static <T> Page<T> of(List<T> found, int size, Function<T, String> cursor) {
        boolean hasMore = found.size() > size;
        List<T> items = hasMore ? found.subList(0, size) : found;
        return new Page<>(items, hasMore, hasMore ? cursor.apply(items.get(items.size() - 1)) : null);
    }
}
