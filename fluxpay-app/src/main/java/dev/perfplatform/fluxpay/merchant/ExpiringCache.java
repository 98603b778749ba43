package dev.perfplatform.fluxpay.merchant;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * A small cache of answers by binary key, each kept for a fixed time; past {@code capacity} entries it starts over
 * rather than evict one by one (it holds only answers that are cheap to fetch again).
 */
final class ExpiringCache<V> {

    private final ConcurrentHashMap<ByteBuffer, Entry<V>> entries = new ConcurrentHashMap<>();
    private final long ttlNanos;
    private final int capacity;

    ExpiringCache(Duration ttl, int capacity) {
        this.ttlNanos = ttl.toNanos();
        this.capacity = capacity;
    }

    @Nullable
    V get(byte[] key) {
        Entry<V> entry = entries.get(ByteBuffer.wrap(key));
        if (entry == null) {
            return null;
        }
        if (System.nanoTime() - entry.storedAt() > ttlNanos) {
            entries.remove(ByteBuffer.wrap(key), entry);
            return null;
        }
        return entry.value();
    }

    void put(byte[] key, V value) {
        if (ttlNanos <= 0) {
            return;
        }
        if (entries.size() >= capacity) {
            entries.clear();
        }
        entries.put(ByteBuffer.wrap(key.clone()), new Entry<>(value, System.nanoTime()));
    }

    void clear() {
        entries.clear();
    }

    private record Entry<V>(V value, long storedAt) {}
}
