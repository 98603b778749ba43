package dev.perfplatform.payment.client.webhook;

import dev.perfplatform.payment.client.internal.Args;
import dev.perfplatform.payment.client.internal.Json;
import dev.perfplatform.payment.client.webhook.WebhookVerificationException.Reason;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Verifies FluxPay webhooks per Standard Webhooks: the {@code webhook-timestamp} within the tolerance (5 minutes
 * either way by default), and a {@code v1} signature over {@code id.timestamp.body} that matches one of the
 * secrets, compared in constant time. Pass the raw body bytes, never a re-serialisation. Thread-safe.
 *
 * <pre>{@code
 * WebhookVerifier verifier = WebhookVerifier.of(System.getenv("FLUXPAY_WEBHOOK_SECRET"));
 * try {
 *     WebhookEvent event = verifier.verify(request::getHeader, rawBody);
 *     if (seen.add(event.webhookId())) handle(event);
 *     return 200;
 * } catch (WebhookVerificationException e) {
 *     return 400;
 * }
 * }</pre>
 */
public final class WebhookVerifier {

    /** How far a timestamp may be from now, either way. */
    public static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(5);

    private static final Pattern SPACES = Pattern.compile(" +");

    private final List<WebhookSecret> secrets;
    private final Duration tolerance;
    private final Clock clock;
    private final ObjectMapper json = Json.mapper();

    private WebhookVerifier(Builder builder) {
        if (builder.secrets.isEmpty()) {
            throw new IllegalArgumentException("a webhook verifier needs at least one secret");
        }
        this.secrets = List.copyOf(builder.secrets);
        this.tolerance = builder.tolerance;
        this.clock = builder.clock;
    }

    /** A verifier accepting signatures of any of these {@code whsec_} secrets (several during a rotation). */
    public static WebhookVerifier of(String... secrets) {
        Builder builder = builder();
        Arrays.stream(secrets).forEach(builder::secret);
        return builder.build();
    }

    /** A builder; add at least one secret. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Verifies a delivery and reads its event.
     *
     * @param header a case-insensitive header lookup, e.g. {@code request::getHeader} or {@code headers::getFirst}
     * @param body the raw body bytes as received
     * @throws WebhookVerificationException when a check fails
     */
    public WebhookEvent verify(Function<String, @Nullable String> header, byte[] body) {
        return verify(WebhookHeaders.from(header), body);
    }

    /** Verifies a delivery given its headers and reads its event. */
    public WebhookEvent verify(WebhookHeaders headers, byte[] body) {
        Instant attemptedAt = verifySignature(headers, body);
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (JacksonException e) {
            throw invalidPayload("the body is not JSON");
        }
        if (root == null || !root.isObject()) {
            throw invalidPayload("the body is not a JSON object");
        }
        JsonNode type = root.get("type");
        JsonNode data = root.get("data");
        if (type == null || !type.isString() || data == null || data.isNull()) {
            throw invalidPayload("the body has no type or no data");
        }
        return new WebhookEvent(
                headers.webhookId(), attemptedAt, type.asString(), instant(root.get("timestamp")), data, json);
    }

    /**
     * Checks the timestamp and the signature only, for a body that is not a FluxPay event; returns the attempt's
     * time.
     */
    public Instant verifySignature(WebhookHeaders headers, byte[] body) {
        Args.notNull(headers, "headers");
        Args.notNull(body, "body");
        Instant attemptedAt = checkTimestamp(headers.timestamp());
        List<byte[]> candidates = v1Signatures(headers.signature());
        for (WebhookSecret secret : secrets) {
            byte[] expected = Signatures.hmac(secret, headers.webhookId(), headers.timestamp(), body);
            for (byte[] candidate : candidates) {
                if (MessageDigest.isEqual(expected, candidate)) {
                    return attemptedAt;
                }
            }
        }
        throw new WebhookVerificationException(
                Reason.NO_MATCHING_SIGNATURE, "no v1 signature matches a configured secret");
    }

    private Instant checkTimestamp(String timestamp) {
        long seconds = unixSeconds(timestamp);
        if (seconds > Instant.MAX.getEpochSecond()) {
            // Beyond any date Java can hold, so beyond now plus any tolerance worth configuring.
            throw tooNew(abbreviate(timestamp));
        }
        Instant attemptedAt = Instant.ofEpochSecond(seconds);
        // Both ends are Instants, so their distance fits a Duration whatever the tolerance: no now ± tolerance.
        Duration ahead = Duration.between(clock.instant(), attemptedAt);
        if (ahead.compareTo(tolerance) > 0) {
            throw tooNew(attemptedAt.toString());
        }
        if (ahead.negated().compareTo(tolerance) > 0) {
            throw new WebhookVerificationException(
                    Reason.TIMESTAMP_TOO_OLD, "webhook-timestamp " + attemptedAt + " is older than " + tolerance);
        }
        return attemptedAt;
    }

    /** Unix seconds written as decimal digits only (no sign), at most {@link Long#MAX_VALUE}. */
    private static long unixSeconds(String timestamp) {
        if (!timestamp.isEmpty() && timestamp.chars().allMatch(c -> c >= '0' && c <= '9')) {
            try {
                return Long.parseLong(timestamp);
            } catch (NumberFormatException e) {
                // more than Long.MAX_VALUE: reported below like any other malformed value
            }
        }
        throw new WebhookVerificationException(
                Reason.INVALID_TIMESTAMP, "webhook-timestamp is not Unix seconds: " + abbreviate(timestamp));
    }

    private WebhookVerificationException tooNew(String attemptedAt) {
        return new WebhookVerificationException(
                Reason.TIMESTAMP_TOO_NEW,
                "webhook-timestamp " + attemptedAt + " is ahead of now by more than " + tolerance);
    }

    private static List<byte[]> v1Signatures(String header) {
        List<byte[]> signatures = new ArrayList<>();
        for (String token : SPACES.splitAsStream(header.strip()).toList()) {
            int comma = token.indexOf(',');
            if (comma > 0 && token.substring(0, comma).equals(Signatures.VERSION)) {
                try {
                    signatures.add(Base64.getDecoder().decode(token.substring(comma + 1)));
                } catch (IllegalArgumentException e) {
                    // not base64: cannot match, look at the others
                }
            }
        }
        return signatures;
    }

    private static @Nullable Instant instant(@Nullable JsonNode node) {
        if (node == null || !node.isString()) {
            return null;
        }
        try {
            return Instant.parse(node.asString());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static WebhookVerificationException invalidPayload(String message) {
        return new WebhookVerificationException(Reason.INVALID_PAYLOAD, message);
    }

    private static String abbreviate(String text) {
        return text.length() <= 20 ? text : text.substring(0, 20) + "...";
    }

    @Override
    public String toString() {
        return "WebhookVerifier{secrets=" + secrets.size() + ", tolerance=" + tolerance + "}";
    }

    /** Builds a {@link WebhookVerifier}. */
    public static final class Builder {
        private final List<WebhookSecret> secrets = new ArrayList<>();
        private Duration tolerance = DEFAULT_TOLERANCE;
        private Clock clock = Clock.systemUTC();

        private Builder() {}

        /** Accepts signatures of this {@code whsec_} secret (call again for each secret of a rotation). */
        public Builder secret(String secret) {
            return secret(WebhookSecret.parse(secret));
        }

        /** Accepts signatures of this secret. */
        public Builder secret(WebhookSecret secret) {
            secrets.add(Args.notNull(secret, "secret"));
            return this;
        }

        /** How far a timestamp may be from now, either way; default {@link #DEFAULT_TOLERANCE}. */
        public Builder tolerance(Duration tolerance) {
            this.tolerance = Args.positive(tolerance, "tolerance");
            return this;
        }

        /** The clock the timestamps are compared with; default the system clock. */
        public Builder clock(Clock clock) {
            this.clock = Args.notNull(clock, "clock");
            return this;
        }

        /** The verifier; fails without a secret. */
        public WebhookVerifier build() {
            return new WebhookVerifier(this);
        }
    }
}
