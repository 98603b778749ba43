package dev.perfplatform.ratelimit.internal;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * A binary min-heap of nodes ordered by expiry time, where each node knows its slot, so any node (not only the
 * earliest) is removed in O(log n). {@link java.util.PriorityQueue} removes an arbitrary element by a linear search,
 * which is the scan this heap exists to avoid. Not thread-safe: the owner holds a lock.
 */
final class ExpiryHeap {

    /** An element: its expiry, and its slot while it is in a heap. */
    static class Node {
        final long untilMicros;
        private int slot = -1;

        Node(long untilMicros) {
            this.untilMicros = untilMicros;
        }
    }

    private Node[] nodes = new Node[16];
    private int size;
    private long visited;

    int size() {
        return size;
    }

    /** The node expiring first, or null when empty. */
    @Nullable
    Node peek() {
        visited++;
        return size == 0 ? null : nodes[0];
    }

    void add(Node node) {
        if (size == nodes.length) {
            nodes = Arrays.copyOf(nodes, size * 2);
        }
        place(node, size++);
        siftUp(node.slot);
    }

    /** Removes {@code node} if it is in this heap; true when it was. */
    boolean remove(Node node) {
        int at = node.slot;
        if (at < 0 || at >= size || nodes[at] != node) {
            return false;
        }
        node.slot = -1;
        Node last = nodes[--size];
        nodes[size] = null;
        if (at < size) {
            place(last, at);
            siftDown(at);
            siftUp(last.slot);
        }
        return true;
    }

    /** Nodes looked at so far (heads peeked and nodes compared while sifting): the work done, for tests. */
    long visited() {
        return visited;
    }

    private void siftUp(int from) {
        int at = from;
        Node node = nodes[at];
        while (at > 0) {
            int parent = (at - 1) >>> 1;
            visited++;
            if (nodes[parent].untilMicros <= node.untilMicros) {
                break;
            }
            place(nodes[parent], at);
            at = parent;
        }
        place(node, at);
    }

    private void siftDown(int from) {
        int at = from;
        Node node = nodes[at];
        while (true) {
            int child = 2 * at + 1;
            if (child >= size) {
                break;
            }
            if (child + 1 < size && nodes[child + 1].untilMicros < nodes[child].untilMicros) {
                child++;
            }
            visited += 2;
            if (node.untilMicros <= nodes[child].untilMicros) {
                break;
            }
            place(nodes[child], at);
            at = child;
        }
        place(node, at);
    }

    private void place(Node node, int at) {
        nodes[at] = node;
        node.slot = at;
    }
}
