package dev.perfplatform.fluxpay.pgwebhook;

import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Runs at most {@code limit} pieces of work at once, the others in order as places free up: a queue of jobs drained by
 * {@code flatMap} with that concurrency. A caller that cancels gets no answer; its job still runs (the work it stands
 * for is shared). How long the queue grows is bounded by whoever submits, here the webhook processing queue.
 */
final class ConcurrencyLimit implements Disposable {

    private final Sinks.Many<Mono<Void>> jobs = Sinks.many().unicast().onBackpressureBuffer();
    private final Disposable worker;

    ConcurrencyLimit(int limit) {
        this.worker = jobs.asFlux().flatMap(job -> job, limit).subscribe();
    }

    /** {@code work}, run when one of the places is free. */
    <T> Mono<T> run(Mono<T> work) {
        return Mono.defer(() -> {
            Sinks.One<T> answer = Sinks.one();
            Mono<Void> job = work.doOnSuccess((@Nullable T value) -> {
                        if (value == null) {
                            answer.tryEmitEmpty();
                        } else {
                            answer.tryEmitValue(value);
                        }
                    })
                    .doOnError(answer::tryEmitError)
                    .onErrorComplete()
                    .then();
            Sinks.EmitResult queued;
            synchronized (jobs) {
                queued = jobs.tryEmitNext(job);
            }
            if (queued.isFailure()) {
                return Mono.error(new IllegalStateException("stopped: " + queued));
            }
            return answer.asMono();
        });
    }

    @Override
    public void dispose() {
        synchronized (jobs) {
            jobs.tryEmitComplete();
        }
        worker.dispose();
    }

    @Override
    public boolean isDisposed() {
        return worker.isDisposed();
    }
}
