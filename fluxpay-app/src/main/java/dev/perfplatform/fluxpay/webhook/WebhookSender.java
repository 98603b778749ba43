package dev.perfplatform.fluxpay.webhook;

import dev.perfplatform.payment.client.webhook.WebhookHeaders;
import dev.perfplatform.payment.client.webhook.WebhookSigner;
import io.netty.channel.ChannelOption;
import io.netty.handler.timeout.ReadTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.netty.http.client.HttpClient;

/**
 * POSTs one delivery attempt: the URL checked by the {@link WebhookUrlGuard} (and its addresses again by the client's
 * resolver), the exact payload bytes signed with payment-client's {@link WebhookSigner} at this attempt's time from the
 * app's {@link Clock}, redirects never followed, the whole exchange bounded by {@code fluxpay.webhooks.timeout}. Never
 * fails: every outcome is an {@link AttemptResult}.
 */
@Component
class WebhookSender {

    private static final String USER_AGENT = "FluxPay-Webhooks/1";

    private final WebClient http;
    private final WebhookUrlGuard guard;
    private final WebhookSettings settings;
    private final Clock clock;

    WebhookSender(WebhookUrlGuard guard, WebhookSettings settings, Clock clock) {
        HttpClient client = HttpClient.create()
                .resolver(new GuardedAddressResolverGroup(guard))
                .followRedirect(false)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int)
                        settings.connectTimeout().toMillis())
                .responseTimeout(settings.timeout());
        this.http = WebClient.builder()
                .clientConnector(new ReactorClientHttpConnector(client))
                .build();
        this.guard = guard;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Sends {@code body} as event {@code webhookId} to {@code url}, signed with each {@code whsec_} secret (several
     * during a rotation: the merchant accepts any one).
     */
    Mono<AttemptResult> send(String url, List<String> secrets, String webhookId, byte[] body) {
        long started = System.nanoTime();
        return Mono.fromCallable(() -> guard.check(url))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(uri -> post(
                        uri,
                        WebhookSigner.of(secrets.toArray(String[]::new)).sign(webhookId, clock.instant(), body),
                        body))
                .map(status -> AttemptResult.answered(status, since(started)))
                .onErrorResume(failure -> Mono.just(classify(failure, since(started))));
    }

    private Mono<Integer> post(URI uri, WebhookHeaders headers, byte[] body) {
        return http.post()
                .uri(uri)
                .contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.USER_AGENT, USER_AGENT)
                .headers(sent -> headers.asMap().forEach(sent::set))
                .bodyValue(body)
                .exchangeToMono(response ->
                        response.releaseBody().thenReturn(response.statusCode().value()))
                .timeout(settings.timeout());
    }

    private AttemptResult classify(Throwable failure, Duration took) {
        WebhookDestinationRefusedException refused = find(failure, WebhookDestinationRefusedException.class);
        if (refused != null) {
            return AttemptResult.refused(String.valueOf(refused.getMessage()));
        }
        if (find(failure, TimeoutException.class) != null || find(failure, ReadTimeoutException.class) != null) {
            return AttemptResult.failed("no answer within " + settings.timeout(), took);
        }
        UnknownHostException unknownHost = find(failure, UnknownHostException.class);
        if (unknownHost != null) {
            return AttemptResult.failed("unknown host: " + unknownHost.getMessage(), took);
        }
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return AttemptResult.failed(
                "request failed: " + root.getClass().getSimpleName()
                        + (root.getMessage() == null ? "" : ": " + root.getMessage()),
                took);
    }

    private static <T extends Throwable> @Nullable T find(Throwable failure, Class<T> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return null;
    }

    private static Duration since(long startedNanos) {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }
}
