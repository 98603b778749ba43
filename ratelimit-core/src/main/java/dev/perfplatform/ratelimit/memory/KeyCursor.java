package dev.perfplatform.ratelimit.memory;

import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Walks the keys of every policy store in turn and resumes where it stopped, so that eviction at the cap can look at
 * a few keys at a time and still, over successive calls, look at every key. Iteration order is the maps' hash order,
 * which has nothing to do with when keys were used: a run of consecutive keys is a fair sample for ranking by last
 * use. Weakly consistent, as the maps' iterators are: keys added or removed meanwhile may or may not be seen. Not
 * thread-safe: the engine's eviction lock guards it.
 */
final class KeyCursor {

    private final Collection<PolicyStore> stores;
    private Iterator<PolicyStore> nextStores = Collections.emptyIterator();
    private Iterator<Map.Entry<String, KeyEntry>> keys = Collections.emptyIterator();
    private @Nullable PolicyStore store;
    private Map.@Nullable Entry<String, KeyEntry> current;

    /** A cursor over {@code stores}, a live view of the engine's stores. */
    KeyCursor(Collection<PolicyStore> stores) {
        this.stores = stores;
    }

    /** Moves to the next key, starting over after the last one; false when no store holds a key. */
    boolean advance() {
        boolean startedOver = false;
        while (!keys.hasNext()) {
            if (!nextStores.hasNext()) {
                if (startedOver) {
                    return false; // every store was looked at since this call began, and each was empty
                }
                nextStores = stores.iterator();
                startedOver = true;
                if (!nextStores.hasNext()) {
                    return false;
                }
            }
            PolicyStore next = nextStores.next();
            store = next;
            keys = next.entries.entrySet().iterator();
        }
        current = keys.next();
        return true;
    }

    /** The store of the key {@link #advance()} moved to. */
    PolicyStore store() {
        if (store == null) {
            throw new IllegalStateException("advance() first");
        }
        return store;
    }

    /** The key {@link #advance()} moved to, with its entry. */
    Map.Entry<String, KeyEntry> current() {
        if (current == null) {
            throw new IllegalStateException("advance() first");
        }
        return current;
    }
}
