package dev.perfplatform.payment.client.internal;

import dev.perfplatform.payment.client.CallOutcome;
import dev.perfplatform.payment.client.FluxPayApiException;
import dev.perfplatform.payment.client.FluxPayException;
import dev.perfplatform.payment.client.FluxPayTransportException;
import dev.perfplatform.payment.client.Outcome;
import dev.perfplatform.payment.client.RetryReason;
import java.io.IOException;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import okhttp3.Call;
import okhttp3.Request;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * One logical call across its attempts. The HTTP request is built once, so every retry sends the same {@code
 * Idempotency-Key} and request id; the retry decisions live here for both the synchronous and asynchronous loops.
 */
final class Exchange<T> {

    private final Transport transport;
    private final ApiRequest<T> api;
    private final String clientRequestId;
    private final Request request;
    private final long started;
    private final AtomicInteger attempts = new AtomicInteger();

    Exchange(Transport transport, ApiRequest<T> api) {
        this.transport = transport;
        this.api = api;
        this.clientRequestId = "req_" + UUID.randomUUID().toString().replace("-", "");
        this.request = transport.toHttp(api, clientRequestId);
        this.started = transport.time.nanoTime();
    }

    /** The next attempt's call; its timeout is the caller's per-call timeout, if any. */
    Call newCall() {
        attempts.incrementAndGet();
        Call call = transport.http.newCall(request);
        Duration timeout = api.options().timeout();
        if (timeout != null) {
            call.timeout().timeout(timeout.toNanos(), TimeUnit.NANOSECONDS);
        }
        return call;
    }

    /** One synchronous attempt. */
    Step<T> attempt() {
        try (Response response = newCall().execute()) {
            return onResponse(response);
        } catch (IOException e) {
            return onFailure(e);
        }
    }

    Step<T> onResponse(Response response) throws IOException {
        int status = response.code();
        boolean success = status >= 200 && status < 300;
        byte[] body = BoundedBody.read(response.body(), transport.maxResponseBytes);
        if (body == null && success) {
            return tooLarge(status, requestId(response.header(Transport.REQUEST_ID), null));
        }
        // An error answer over the limit keeps its status, unread, like one without an envelope.
        Envelope envelope = body == null ? Envelope.EMPTY : Envelope.parse(transport.json, body);
        String requestId = requestId(response.header(Transport.REQUEST_ID), envelope.traceId());
        if (success && !envelope.hasError()) {
            return decode(status, envelope.data(), requestId);
        }
        Duration retryAfter = RetryAfter.parse(response.header("Retry-After"), transport.time.now());
        FluxPayApiException error =
                ErrorMapper.toException(status, envelope, retryAfter, requestId, transport.redactor);
        return retryOrFail(
                ErrorMapper.retryReason(status, envelope.code()),
                retryAfter,
                () -> error,
                ErrorMapper.outcome(status),
                "HTTP " + status);
    }

    Step<T> onFailure(IOException failure) {
        String cause = transport.redactor.redact(failure.toString());
        return retryOrFail(
                RetryReason.CONNECTION,
                null,
                () -> new FluxPayTransportException(
                        "no answer to " + api.operation() + " after " + attempts.get() + " attempt(s): " + cause,
                        attempts.get(),
                        clientRequestId,
                        failure),
                CallOutcome.TRANSPORT_ERROR,
                cause);
    }

    Step<T> interrupted(InterruptedException e) {
        return new Step.Fail<>(
                new FluxPayTransportException(
                        "interrupted while backing off before retrying " + api.operation(),
                        attempts.get(),
                        clientRequestId,
                        e),
                CallOutcome.TRANSPORT_ERROR);
    }

    Step<T> closed() {
        return new Step.Fail<>(
                new FluxPayTransportException(
                        "the client was closed before " + api.operation() + " could be retried",
                        attempts.get(),
                        clientRequestId,
                        new IOException("client closed")),
                CallOutcome.TRANSPORT_ERROR);
    }

    /** Reports the call's end and returns its result or throws its failure. */
    T finish(Step<T> step) {
        if (step instanceof Step.Done<T> done) {
            report(done.outcome());
            return done.value();
        }
        Step.Fail<T> fail = (Step.Fail<T>) step;
        report(fail.outcome());
        throw fail.error();
    }

    /** Reports the call's end and completes {@code future} with it. */
    void complete(Step<T> step, CompletableFuture<T> future) {
        try {
            future.complete(finish(step));
        } catch (FluxPayException e) {
            future.completeExceptionally(e);
        }
    }

    private Step<T> decode(int status, @Nullable JsonNode data, String requestId) {
        try {
            if (data == null) {
                throw new IllegalStateException("the envelope has no data");
            }
            T value = api.decoder().decode(status, data, requestId);
            boolean unknown = value instanceof Outcome<?> outcome && outcome.isUnknown();
            return new Step.Done<>(value, unknown ? CallOutcome.UNKNOWN : CallOutcome.SUCCESS);
        } catch (RuntimeException e) {
            return new Step.Fail<>(
                    new FluxPayException("unreadable answer (HTTP " + status + ") to " + api.operation(), requestId, e),
                    CallOutcome.SERVER_ERROR);
        }
    }

    /** A successful answer too large to read: not retried, since a second answer would be as large. */
    private Step<T> tooLarge(int status, String requestId) {
        return new Step.Fail<>(
                new FluxPayException(
                        "the answer (HTTP " + status + ") to " + api.operation()
                                + " is larger than the client's limit of " + transport.maxResponseBytes
                                + " bytes (maxResponseBytes); it was not read",
                        requestId,
                        null),
                CallOutcome.SERVER_ERROR);
    }

    private Step<T> retryOrFail(
            @Nullable RetryReason reason,
            @Nullable Duration retryAfter,
            Supplier<FluxPayException> failure,
            CallOutcome outcome,
            String cause) {
        int retry = attempts.get();
        if (reason != null && retry <= transport.policy.maxRetries()) {
            long remaining = transport.policy.deadline().toNanos() - (transport.time.nanoTime() - started);
            if (remaining > 0) {
                Duration wait =
                        retryAfter != null ? retryAfter : transport.policy.backoff(retry, transport.time.jitter());
                Duration delay = wait.toNanos() > remaining ? Duration.ofNanos(remaining) : wait;
                transport.listener.retrying(api.operation(), reason, retry, delay);
                Transport.LOG.log(
                        System.Logger.Level.DEBUG,
                        () -> api.operation() + ": retry " + retry + " of " + transport.policy.maxRetries() + " in "
                                + delay.toMillis() + " ms after " + cause + " [request " + clientRequestId + "]");
                return new Step.Retry<>(reason, retry, delay);
            }
        }
        return new Step.Fail<>(failure.get(), outcome);
    }

    private String requestId(@Nullable String header, @Nullable String traceId) {
        if (header != null && !header.isBlank()) {
            return header;
        }
        return traceId != null && !traceId.isBlank() ? traceId : clientRequestId;
    }

    private void report(CallOutcome outcome) {
        Duration elapsed = Duration.ofNanos(transport.time.nanoTime() - started);
        transport.listener.callCompleted(api.operation(), outcome, elapsed);
    }
}
