package dev.perfplatform.testing.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class ServiceUrlTests {

    @Test
    void parsesCredentialsHostPortAndPath() {
        ServiceUrl url = ServiceUrl.parse("postgresql://app:s%40cret@db.local:6543/admin", 5432);

        assertThat(url).isEqualTo(new ServiceUrl("postgresql", "db.local", 6543, "app", "s@cret", "admin"));
    }

    @Test
    void acceptsAJdbcUrlAsItIs() {
        ServiceUrl url = ServiceUrl.parse("jdbc:mysql://root@127.0.0.1:3307", 3306);

        assertThat(url.scheme()).isEqualTo("mysql");
        assertThat(url.port()).isEqualTo(3307);
        assertThat(url.user()).isEqualTo("root");
        assertThat(url.password()).isNull();
    }

    @Test
    void usesTheDefaultPortWhenTheUrlNamesNone() {
        assertThat(ServiceUrl.parse("redis://cache", 6379).port()).isEqualTo(6379);
    }

    @Test
    void readsARedisPasswordWithoutAUser() {
        ServiceUrl url = ServiceUrl.parse("redis://:pw@127.0.0.1:6380/2", 6379);

        assertThat(url.user()).isNull();
        assertThat(url.password()).isEqualTo("pw");
        assertThat(url.path()).isEqualTo("2");
    }

    @Test
    void neverShowsThePasswordInItsText() {
        assertThat(ServiceUrl.parse("postgresql://app:topsecret@db:5432/x", 5432))
                .hasToString("postgresql://app:***@db:5432/x");
    }

    @Test
    void rejectsTextThatIsNotAUrlWithoutEchoingThePassword() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ServiceUrl.parse("postgresql:/app:topsecret@", 5432))
                .withMessageNotContaining("topsecret");
    }
}
