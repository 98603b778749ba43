package dev.perfplatform.payment.client.internal;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;

/**
 * The asynchronous retry loop: each attempt is enqueued on OkHttp's dispatcher and each backoff is a scheduled
 * task, so no thread waits. Canceling the future cancels whichever of the two is pending.
 */
final class AsyncExchange<T> implements Callback {

    private final Transport transport;
    private final Exchange<T> exchange;
    private final CompletableFuture<T> future = new CompletableFuture<>();
    private final AtomicReference<@Nullable Call> call = new AtomicReference<>();
    private final AtomicReference<@Nullable Future<?>> pendingRetry = new AtomicReference<>();

    AsyncExchange(Transport transport, Exchange<T> exchange) {
        this.transport = transport;
        this.exchange = exchange;
        var unused = future.whenComplete((value, failure) -> {
            if (future.isCancelled()) {
                cancelPending();
            }
        });
    }

    CompletableFuture<T> future() {
        return future;
    }

    /** Starts the next attempt unless the call was canceled meanwhile. */
    void attempt() {
        if (future.isDone()) {
            return;
        }
        if (transport.isClosed()) {
            exchange.complete(exchange.closed(), future);
            return;
        }
        Call next = exchange.newCall();
        call.set(next);
        if (future.isDone()) {
            next.cancel();
            return;
        }
        next.enqueue(this);
    }

    @Override
    public void onResponse(Call call, Response response) {
        Step<T> step;
        try (response) {
            step = exchange.onResponse(response);
        } catch (IOException e) {
            step = exchange.onFailure(e);
        }
        handle(step);
    }

    @Override
    public void onFailure(Call call, IOException failure) {
        if (!future.isDone()) {
            handle(exchange.onFailure(failure));
        }
    }

    private void handle(Step<T> step) {
        if (future.isDone()) {
            return;
        }
        if (step instanceof Step.Retry<T> retry) {
            try {
                pendingRetry.set(transport.time.schedule(retry.delay(), this::attempt));
            } catch (RejectedExecutionException e) {
                exchange.complete(exchange.closed(), future); // the client closed while this attempt ran
                return;
            }
            if (future.isDone()) {
                cancelPending();
            }
            return;
        }
        exchange.complete(step, future);
    }

    private void cancelPending() {
        Call current = call.get();
        if (current != null) {
            current.cancel();
        }
        Future<?> retry = pendingRetry.get();
        if (retry != null) {
            retry.cancel(false);
        }
    }
}
