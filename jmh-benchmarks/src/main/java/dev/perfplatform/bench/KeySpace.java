package dev.perfplatform.bench;

import java.util.List;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * The keys a benchmark draws from: one hot key, or {@value #MANY} keys drawn uniformly by a per-thread xorshift
 * generator. The strings are made once, so a draw costs no allocation and the key's hash is cached.
 */
public final class KeySpace {

    /** Number of keys of the random key space. */
    public static final int MANY = 100_000;

    private final String[] keys;

    private KeySpace(String[] keys) {
        this.keys = keys;
    }

    /** {@code hot} for one key, {@code 100k} (or {@code random}) for {@value #MANY} keys. */
    public static KeySpace of(String kind) {
        int count = switch (kind) {
            case "hot" -> 1;
            case "100k", "random" -> MANY;
            default -> throw new IllegalArgumentException("keys must be hot or 100k but was " + kind);
        };
        String[] keys = new String[count];
        for (int i = 0; i < count; i++) {
            keys[i] = "client-" + i;
        }
        return new KeySpace(keys);
    }

    /** Every key. */
    public List<String> keys() {
        return List.of(keys);
    }

    /** Number of keys. */
    public int size() {
        return keys.length;
    }

    /** The next key for the thread owning {@code cursor}. */
    public String next(Cursor cursor) {
        return keys.length == 1 ? keys[0] : keys[cursor.nextIndex(keys.length)];
    }

    /** A thread's random draw: xorshift64, reduced to a range without division. */
    @State(Scope.Thread)
    public static class Cursor {
        private long state = System.nanoTime() | 1;

        int nextIndex(int bound) {
            long x = state;
            x ^= x << 13;
            x ^= x >>> 7;
            x ^= x << 17;
            state = x;
            return (int) (((x >>> 32) * bound) >>> 32);
        }
    }
}
