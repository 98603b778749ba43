package dev.perfplatform.fluxpay.sim;

import dev.perfplatform.fluxpay.SelfUrl;
import dev.perfplatform.fluxpay.pg.PgMode;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.annotation.Conditional;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import tools.jackson.databind.json.JsonMapper;

/**
 * The simulated PG's webhooks, sent like Toss sends them: {@code {eventType, createdAt, data}} with the
 * {@code tosspayments-webhook-transmission-id} (the same id on every re-send), {@code -transmission-time} and
 * {@code -transmission-retried-count} headers, re-sent on anything but 200 after the waits of
 * {@link SimulatorSettings#webhookRetryDelays()}. Sending never holds up the PG's answer; pending sends stop with the
 * app.
 */
@Component
@Conditional(PgMode.SimulatorSelected.class)
class SimulatorWebhooks implements DisposableBean {

    static final String PAYMENT_STATUS_CHANGED = "PAYMENT_STATUS_CHANGED";
    static final String CANCEL_STATUS_CHANGED = "CANCEL_STATUS_CHANGED";

    private static final Logger log = LoggerFactory.getLogger(SimulatorWebhooks.class);
    /** Toss writes its timestamps in Korean time. */
    static final ZoneId KST = ZoneId.of("Asia/Seoul");

    private static final DateTimeFormatter CREATED_AT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS");

    private final SimulatorSettings settings;
    private final SelfUrl selfUrl;
    private final JsonMapper json;
    private final WebClient http = WebClient.create();
    private final Sinks.Empty<Void> shutdown = Sinks.empty();

    SimulatorWebhooks(SimulatorSettings settings, SelfUrl selfUrl, JsonMapper json) {
        this.settings = settings;
        this.selfUrl = selfUrl;
        this.json = json;
    }

    /** Sends {@code eventType} about {@code data} after {@code after} (the PG's answer leaves then too). */
    void send(String eventType, Map<String, Object> data, Duration after) {
        String url = url();
        if (url.isEmpty()) {
            return;
        }
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("eventType", eventType);
        event.put("createdAt", LocalDateTime.now(KST).format(CREATED_AT));
        event.put("data", data);
        String body = json.writeValueAsString(event);
        String transmissionId = "sim-" + UUID.randomUUID();
        Mono.delay(after)
                .then(deliver(url, transmissionId, body, 0))
                .takeUntilOther(shutdown.asMono())
                .subscribe(done -> {}, failure -> log.warn("simulated webhook {} failed", transmissionId, failure));
    }

    @Override
    public void destroy() {
        shutdown.tryEmitEmpty();
    }

    private Mono<Void> deliver(String url, String transmissionId, String body, int retried) {
        return http.post()
                .uri(url)
                .contentType(MediaType.APPLICATION_JSON)
                .header("tosspayments-webhook-transmission-id", transmissionId)
                .header(
                        "tosspayments-webhook-transmission-time",
                        OffsetDateTime.now(KST).toString())
                .header("tosspayments-webhook-transmission-retried-count", String.valueOf(retried))
                .bodyValue(body)
                .exchangeToMono(response ->
                        response.releaseBody().thenReturn(response.statusCode().value()))
                .timeout(settings.webhookTimeout())
                .onErrorResume(failure -> Mono.just(-1))
                .flatMap(status -> {
                    if (status == 200) {
                        return Mono.empty();
                    }
                    List<Duration> delays = settings.webhookRetryDelays();
                    if (retried >= delays.size()) {
                        log.warn("simulated webhook {} given up after {} re-sends", transmissionId, retried);
                        return Mono.empty();
                    }
                    log.info(
                            "simulated webhook {} answered {}; re-sent in {}",
                            transmissionId,
                            status,
                            delays.get(retried));
                    return Mono.delay(delays.get(retried)).then(deliver(url, transmissionId, body, retried + 1));
                });
    }

    private String url() {
        String configured = settings.webhookUrl();
        return configured == null ? selfUrl.base() + "/webhooks/toss" : configured.trim();
    }
}
