package dev.perfplatform.payment.client.spring;

import dev.perfplatform.payment.client.FluxPayClient;
import dev.perfplatform.payment.client.RetryPolicy;
import dev.perfplatform.payment.client.webhook.WebhookVerifier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/** Configuration of the FluxPay client and webhook verifier under {@code fluxpay.client.*}. */
@ConfigurationProperties("fluxpay.client")
public class FluxPayClientProperties {

    /** Where FluxPay runs, e.g. http://localhost:8081 (the client calls /api/v1 below it); no client without it. */
    private @Nullable String baseUrl;

    /** The merchant's API key; required with base-url. */
    private @Nullable String apiKey;

    /** Connect timeout. */
    private Duration connectTimeout = FluxPayClient.DEFAULT_CONNECT_TIMEOUT;

    /** Read timeout (between two bytes of an answer). */
    private Duration readTimeout = FluxPayClient.DEFAULT_READ_TIMEOUT;

    /** Write timeout (between two bytes of a request). */
    private Duration writeTimeout = FluxPayClient.DEFAULT_WRITE_TIMEOUT;

    /** Largest response body the client reads; a larger successful answer fails the call. */
    private DataSize maxResponseSize = DataSize.ofBytes(FluxPayClient.DEFAULT_MAX_RESPONSE_BYTES);

    /** When the client retries by itself. */
    private final Retry retry = new Retry();

    /** Verification of the webhooks FluxPay sends. */
    private final Webhook webhook = new Webhook();

    public @Nullable String getBaseUrl() {
        return baseUrl;
    }

    public void setBaseUrl(@Nullable String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public @Nullable String getApiKey() {
        return apiKey;
    }

    public void setApiKey(@Nullable String apiKey) {
        this.apiKey = apiKey;
    }

    public Duration getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public Duration getReadTimeout() {
        return readTimeout;
    }

    public void setReadTimeout(Duration readTimeout) {
        this.readTimeout = readTimeout;
    }

    public Duration getWriteTimeout() {
        return writeTimeout;
    }

    public void setWriteTimeout(Duration writeTimeout) {
        this.writeTimeout = writeTimeout;
    }

    public DataSize getMaxResponseSize() {
        return maxResponseSize;
    }

    public void setMaxResponseSize(DataSize maxResponseSize) {
        this.maxResponseSize = maxResponseSize;
    }

    public Retry getRetry() {
        return retry;
    }

    public Webhook getWebhook() {
        return webhook;
    }

    /** Retry settings. */
    public static class Retry {

        /** Retries after the first attempt; 0 turns retries off. */
        private int maxRetries = RetryPolicy.DEFAULT_MAX_RETRIES;

        /** Backoff before the first retry, doubled for each next one. */
        private Duration baseDelay = RetryPolicy.DEFAULT_BASE_DELAY;

        /** Longest backoff. */
        private Duration maxDelay = RetryPolicy.DEFAULT_MAX_DELAY;

        /** No retry starts later than this after a call began. */
        private Duration deadline = RetryPolicy.DEFAULT_DEADLINE;

        public int getMaxRetries() {
            return maxRetries;
        }

        public void setMaxRetries(int maxRetries) {
            this.maxRetries = maxRetries;
        }

        public Duration getBaseDelay() {
            return baseDelay;
        }

        public void setBaseDelay(Duration baseDelay) {
            this.baseDelay = baseDelay;
        }

        public Duration getMaxDelay() {
            return maxDelay;
        }

        public void setMaxDelay(Duration maxDelay) {
            this.maxDelay = maxDelay;
        }

        public Duration getDeadline() {
            return deadline;
        }

        public void setDeadline(Duration deadline) {
            this.deadline = deadline;
        }
    }

    /** Webhook settings. */
    public static class Webhook {

        /**
         * Signing secrets (whsec_...), comma-separated or a list; several during a rotation. No verifier without
         * one.
         */
        private List<String> secrets = new ArrayList<>();

        /** How far a webhook-timestamp may be from now, either way. */
        private Duration tolerance = WebhookVerifier.DEFAULT_TOLERANCE;

        public List<String> getSecrets() {
            return secrets;
        }

        public void setSecrets(List<String> secrets) {
            this.secrets = secrets;
        }

        public Duration getTolerance() {
            return tolerance;
        }

        public void setTolerance(Duration tolerance) {
            this.tolerance = tolerance;
        }
    }
}
