package dev.perfplatform.fluxpay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DatabaseMigrationsTests {

    @Test
    void migratesOverJdbcFromTheR2dbcUrl() {
        assertThat(DatabaseMigrations.jdbcUrl("r2dbc:postgresql://db:5432/fluxpay"))
                .isEqualTo("jdbc:postgresql://db:5432/fluxpay");
        assertThat(DatabaseMigrations.jdbcUrl("r2dbc:pool:postgresql://db:5432/fluxpay"))
                .isEqualTo("jdbc:postgresql://db:5432/fluxpay");
    }

    @Test
    void aBuildWithoutTheEmbeddedDatabaseSaysToSetTheUrl() {
        assertThatThrownBy(() -> DatabaseMigrations.jdbcUrl(""))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("FLUXPAY_DB_URL");
    }

    @Test
    void refusesAnotherDatabase() {
        assertThatThrownBy(() -> DatabaseMigrations.jdbcUrl("r2dbc:mysql://db:3306/fluxpay"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
