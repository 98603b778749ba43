package dev.perfplatform.payment.client.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.perfplatform.payment.client.FluxPayClient;
import dev.perfplatform.payment.client.RetryPolicy;
import dev.perfplatform.payment.client.webhook.WebhookVerifier;
import java.io.InputStream;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.util.unit.DataSize;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ConfigurationMetadataTests {

    @Test
    void documentsEveryPropertyWithTheDefaultsOfTheLibrary() throws Exception {
        Map<String, JsonNode> properties = new HashMap<>();
        try (InputStream in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            assertThat(in).as("generated metadata").isNotNull();
            JsonMapper.shared()
                    .readTree(in)
                    .get("properties")
                    .forEach(p -> properties.put(p.get("name").asString(), p));
        }

        assertThat(properties)
                .allSatisfy((name, property) -> assertThat(
                                property.path("description").asString())
                        .as(name)
                        .isNotBlank());
        assertThat(properties)
                .containsKeys("fluxpay.client.base-url", "fluxpay.client.api-key", "fluxpay.client.webhook.secrets");
        assertThat(duration(properties, "connect-timeout")).isEqualTo(FluxPayClient.DEFAULT_CONNECT_TIMEOUT);
        assertThat(duration(properties, "read-timeout")).isEqualTo(FluxPayClient.DEFAULT_READ_TIMEOUT);
        assertThat(duration(properties, "write-timeout")).isEqualTo(FluxPayClient.DEFAULT_WRITE_TIMEOUT);
        assertThat(DataSize.parse(properties
                                .get("fluxpay.client.max-response-size")
                                .get("defaultValue")
                                .asString())
                        .toBytes())
                .isEqualTo(FluxPayClient.DEFAULT_MAX_RESPONSE_BYTES);
        assertThat(duration(properties, "retry.base-delay")).isEqualTo(RetryPolicy.DEFAULT_BASE_DELAY);
        assertThat(duration(properties, "retry.max-delay")).isEqualTo(RetryPolicy.DEFAULT_MAX_DELAY);
        assertThat(duration(properties, "retry.deadline")).isEqualTo(RetryPolicy.DEFAULT_DEADLINE);
        assertThat(duration(properties, "webhook.tolerance")).isEqualTo(WebhookVerifier.DEFAULT_TOLERANCE);
        assertThat(properties
                        .get("fluxpay.client.retry.max-retries")
                        .get("defaultValue")
                        .asInt())
                .isEqualTo(RetryPolicy.DEFAULT_MAX_RETRIES);
    }

    private static Duration duration(Map<String, JsonNode> properties, String name) {
        return DurationStyle.detectAndParse(
                properties.get("fluxpay.client." + name).get("defaultValue").asString());
    }
}
