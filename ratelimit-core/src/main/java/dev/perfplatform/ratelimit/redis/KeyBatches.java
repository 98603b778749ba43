package dev.perfplatform.ratelimit.redis;

import dev.perfplatform.ratelimit.Decision;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Coalesces concurrent requests on one key: while a script call for a key is in flight, later requests for the same
 * key wait, and when it returns they go to Redis together in one call, evaluated one after the other. A hot key then
 * costs one round trip per batch instead of one per request; a quiet key pays one map insert and removal.
 */
final class KeyBatches {

    /** One request waiting for the next call on its key. */
    record Waiting(long permits, CompletableFuture<Decision> decision) {}

    /** The call in flight for a key and the requests queued behind it; guarded by its own monitor. */
    static final class Batch {
        private List<Waiting> queued = new ArrayList<>();
        private boolean closed;
    }

    /** The most requests sent in one script call; more wait for the next. */
    static final int MAX_BATCH = 128;

    private final Map<String, Batch> inFlight = new ConcurrentHashMap<>();

    /**
     * Joins the call in flight for {@code key}: returns the queued request's future, or null when no call is in
     * flight and the caller now owns {@code mine} and must send its request, then {@link #drain} it.
     */
    @Nullable
    CompletableFuture<Decision> join(String key, long permits, Batch mine) {
        while (true) {
            Batch current = inFlight.putIfAbsent(key, mine);
            if (current == null) {
                return null;
            }
            synchronized (current) {
                if (!current.closed) {
                    CompletableFuture<Decision> decision = new CompletableFuture<>();
                    current.queued.add(new Waiting(permits, decision));
                    return decision;
                }
            }
            inFlight.remove(key, current); // finished under us: take its place
        }
    }

    /** The requests queued behind the owner's call; when there are none, the key is released. */
    List<Waiting> drain(String key, Batch batch) {
        synchronized (batch) {
            List<Waiting> queued = batch.queued;
            if (queued.isEmpty()) {
                batch.closed = true;
                inFlight.remove(key, batch);
                return queued;
            }
            if (queued.size() <= MAX_BATCH) {
                batch.queued = new ArrayList<>();
                return queued;
            }
            List<Waiting> sent = new ArrayList<>(queued.subList(0, MAX_BATCH));
            batch.queued = new ArrayList<>(queued.subList(MAX_BATCH, queued.size()));
            return sent;
        }
    }

    /**
     * Gives up the owner's call: releases the key and returns every request still queued behind it, for the caller
     * to fail. A later {@link #drain} of {@code batch} finds nothing.
     */
    List<Waiting> abandon(String key, Batch batch) {
        synchronized (batch) {
            List<Waiting> queued = batch.queued;
            batch.queued = new ArrayList<>();
            batch.closed = true;
            inFlight.remove(key, batch);
            return queued;
        }
    }
}
