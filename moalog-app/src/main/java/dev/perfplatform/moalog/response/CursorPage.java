package dev.perfplatform.moalog.response;

import dev.perfplatform.moalog.api.ApiException;
import dev.perfplatform.moalog.api.ErrorCode;
import java.util.List;
import java.util.function.ToLongFunction;
import org.jspecify.annotations.Nullable;

/** A page of a list ordered by descending id: fetch {@code size + 1} rows below the cursor, show {@code size}. */
record CursorPage<T>(
        List<T> items, boolean hasNext, @Nullable Long nextCursor) {

    static final int MAX_SIZE = 100;

    /** The page size asked for, {@code defaultSize} when none; {@code COMMON400} outside 1 to 100. */
    static int size(@Nullable Integer size, int defaultSize) {
        if (size == null) {
            return defaultSize;
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new ApiException(ErrorCode.BAD_REQUEST, "size는 1~100이어야 합니다.");
        }
        return size;
    }

    /** The cursor asked for: {@code Long.MAX_VALUE} (from the newest) when none; {@code COMMON400} below 1. */
    static long cursor(@Nullable Long cursor) {
        if (cursor == null) {
            return Long.MAX_VALUE;
        }
        if (cursor < 1) {
            throw new ApiException(ErrorCode.BAD_REQUEST, "cursor는 1 이상이어야 합니다.");
        }
        return cursor;
    }

    static <T> CursorPage<T> of(List<T> fetched, int size, ToLongFunction<T> id) {
        boolean hasNext = fetched.size() > size;
        List<T> items = hasNext ? fetched.subList(0, size) : fetched;
        return new CursorPage<>(
                List.copyOf(items), hasNext, hasNext ? id.applyAsLong(items.get(items.size() - 1)) : null);
    }
}
