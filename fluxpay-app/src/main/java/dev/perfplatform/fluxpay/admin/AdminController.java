package dev.perfplatform.fluxpay.admin;

import dev.perfplatform.fluxpay.api.ApiException;
import dev.perfplatform.fluxpay.api.ApiResponse;
import dev.perfplatform.fluxpay.api.ErrorCode;
import dev.perfplatform.fluxpay.api.Ids;
import dev.perfplatform.fluxpay.api.RequestBodies;
import dev.perfplatform.fluxpay.merchant.MerchantDetails;
import dev.perfplatform.fluxpay.merchant.MerchantRepository;
import dev.perfplatform.fluxpay.webhook.WebhookDestinationRefusedException;
import dev.perfplatform.fluxpay.webhook.WebhookUrlGuard;
import dev.perfplatform.payment.client.webhook.WebhookSecret;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * {@code /admin/v1/merchants}: create merchants and rotate their API key and webhook signing secret, each shown once.
 * A rotation keeps the previous credential valid for a grace period ({@code graceSeconds}, default
 * {@code fluxpay.admin.rotation-grace}), so merchants switch without downtime.
 */
@RestController
@RequestMapping("/admin/v1/merchants")
public class AdminController {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Duration MAX_GRACE = Duration.ofDays(7);

    private final MerchantRepository merchants;
    private final WebhookUrlGuard webhookUrls;
    private final RequestBodies bodies;
    private final AdminSettings settings;

    public AdminController(
            MerchantRepository merchants, WebhookUrlGuard webhookUrls, RequestBodies bodies, AdminSettings settings) {
        this.merchants = merchants;
        this.webhookUrls = webhookUrls;
        this.bodies = bodies;
        this.settings = settings;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            content = @Content(schema = @Schema(implementation = CreateMerchantRequest.class)))
    public Mono<ApiResponse<Credentials>> create(@RequestBody(required = false) byte @Nullable [] body) {
        return Mono.fromCallable(() -> bodies.read(body == null ? new byte[0] : body, CreateMerchantRequest.class))
                .flatMap(request -> checkedUrl(request.webhookUrl()).then(Mono.defer(() -> {
                    String apiKey = newApiKey();
                    String secret = WebhookSecret.generate().serialized();
                    return merchants
                            .create(UUID.randomUUID(), request.name(), apiKey, request.webhookUrl(), secret)
                            .map(created -> ApiResponse.ok(new Credentials(created, apiKey, secret, null)));
                })));
    }

    @GetMapping("/{merchantId}")
    public Mono<ApiResponse<MerchantDetails>> get(@PathVariable String merchantId) {
        return merchants
                .details(Ids.parse(merchantId, ErrorCode.MER_001))
                .switchIfEmpty(Mono.error(new ApiException(ErrorCode.MER_001)))
                .map(ApiResponse::ok);
    }

    @PostMapping("/{merchantId}/api-key/rotate")
    public Mono<ApiResponse<Credentials>> rotateApiKey(
            @PathVariable String merchantId, @RequestParam(required = false) @Nullable Long graceSeconds) {
        UUID id = Ids.parse(merchantId, ErrorCode.MER_001);
        String apiKey = newApiKey();
        return merchants
                .rotateApiKey(id, apiKey, grace(graceSeconds))
                .switchIfEmpty(Mono.error(new ApiException(ErrorCode.MER_001)))
                .flatMap(until -> merchants.details(id).map(merchant -> new Credentials(merchant, apiKey, null, until)))
                .map(ApiResponse::ok);
    }

    @PostMapping("/{merchantId}/webhook-secret/rotate")
    public Mono<ApiResponse<Credentials>> rotateWebhookSecret(
            @PathVariable String merchantId, @RequestParam(required = false) @Nullable Long graceSeconds) {
        UUID id = Ids.parse(merchantId, ErrorCode.MER_001);
        String secret = WebhookSecret.generate().serialized();
        return merchants
                .rotateWebhookSecret(id, secret, grace(graceSeconds))
                .switchIfEmpty(Mono.error(new ApiException(ErrorCode.MER_001)))
                .flatMap(until -> merchants.details(id).map(merchant -> new Credentials(merchant, null, secret, until)))
                .map(ApiResponse::ok);
    }

    private Duration grace(@Nullable Long seconds) {
        if (seconds == null) {
            return settings.rotationGrace();
        }
        if (seconds < 0 || seconds > MAX_GRACE.toSeconds()) {
            throw new ApiException(ErrorCode.VAL_001, "graceSeconds must be between 0 and " + MAX_GRACE.toSeconds());
        }
        return Duration.ofSeconds(seconds);
    }

    /** Refuses a webhook URL the SSRF guard would refuse at delivery (DNS: off the event loop). */
    private Mono<Void> checkedUrl(@Nullable String url) {
        if (url == null) {
            return Mono.empty();
        }
        return Mono.fromCallable(() -> webhookUrls.check(url))
                .subscribeOn(Schedulers.boundedElastic())
                .onErrorMap(
                        WebhookDestinationRefusedException.class,
                        refused -> new ApiException(ErrorCode.VAL_001, "webhookUrl refused: " + refused.getMessage()))
                .onErrorMap(
                        UnknownHostException.class,
                        unknown -> new ApiException(ErrorCode.VAL_001, "webhookUrl's host does not resolve"))
                .then();
    }

    private static String newApiKey() {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        return "sk_" + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }
}
