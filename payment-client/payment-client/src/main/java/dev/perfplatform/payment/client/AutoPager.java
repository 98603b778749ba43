package dev.perfplatform.payment.client;

import dev.perfplatform.payment.client.internal.ApiRequest;
import dev.perfplatform.payment.client.internal.Transport;
import java.util.Collections;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.jspecify.annotations.Nullable;

/**
 * Every item of a list across its pages, fetching each page only when the iteration reaches it. Each iteration
 * starts again at the first page; fetch failures surface as the client's exceptions from {@code hasNext()}.
 *
 * <pre>{@code
 * for (Order order : client.orders().listAutoPaging(OrderListParams.forUser("user-42"))) { ... }
 * }</pre>
 *
 * @param <T> the item type
 */
public final class AutoPager<T> implements Iterable<T> {

    private final Function<@Nullable String, Page<T>> fetch;

    AutoPager(Function<@Nullable String, Page<T>> fetch) {
        this.fetch = fetch;
    }

    /** Pages of {@code first}, each next one asked with {@code startingAfter} set to the previous cursor. */
    static <T> AutoPager<T> over(Transport transport, ApiRequest<Page<T>> first) {
        return new AutoPager<>(
                cursor -> transport.execute(cursor == null ? first : first.query("startingAfter", cursor)));
    }

    @Override
    public Iterator<T> iterator() {
        return new PageIterator();
    }

    /** The items as a sequential, lazy stream. */
    public Stream<T> stream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED), false);
    }

    private final class PageIterator implements Iterator<T> {
        private @Nullable Page<T> page;
        private Iterator<T> items = Collections.emptyIterator();

        @Override
        public boolean hasNext() {
            while (!items.hasNext()) {
                Page<T> current = page;
                if (current != null && (!current.hasMore() || current.nextCursor() == null)) {
                    return false;
                }
                String cursor = current == null ? null : current.nextCursor();
                Page<T> next = fetch.apply(cursor);
                if (next.items().isEmpty() && cursor != null && cursor.equals(next.nextCursor())) {
                    return false; // a server that does not move its cursor must not spin this loop
                }
                page = next;
                items = next.items().iterator();
            }
            return true;
        }

        @Override
        public T next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return items.next();
        }
    }
}
