package dev.perfplatform.testing.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PathTricksTests {

    @Test
    void spellsAPathTheWaysAPrefixCheckMisses() {
        assertThat(PathTricks.of("/admin/v1/merchants"))
                .containsExactly(
                        "/%61dmin/v1/merchants",
                        "/admin;x=1/v1/merchants",
                        "/admin%2Fv1/merchants",
                        "//admin/v1/merchants",
                        "/admin/v1/merchants/",
                        "/ADMIN/v1/merchants");
    }

    @Test
    void aOneSegmentPathHasNoSlashToEncode() {
        assertThat(PathTricks.of("/health"))
                .containsExactly("/%68ealth", "/health;x=1", "//health", "/health/", "/HEALTH");
    }

    @Test
    void refusesAPathThatIsNotAbsolute() {
        assertThatThrownBy(() -> PathTricks.of("admin")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anEndpointFillsItsVariablesForASample() {
        Endpoint endpoint = new Endpoint("POST", "/api/v1/payments/{paymentId}/refunds/{refundId}");

        assertThat(endpoint.samplePath("x")).isEqualTo("/api/v1/payments/x/refunds/x");
        assertThat(endpoint.isUnder("/api/")).isTrue();
        assertThat(endpoint.openApiMethod()).isEqualTo("post");
    }
}
