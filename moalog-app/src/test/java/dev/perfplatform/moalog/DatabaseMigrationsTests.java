package dev.perfplatform.moalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import org.junit.jupiter.api.Test;

class DatabaseMigrationsTests {

    @Test
    void r2dbcUrlsOfMariaDbAndMySqlBecomeTheMariaDbDriversJdbcUrl() {
        assertThat(DatabaseMigrations.jdbcUrl("r2dbc:mariadb://db:3306/moalog"))
                .isEqualTo("jdbc:mariadb://db:3306/moalog");
        assertThat(DatabaseMigrations.jdbcUrl("r2dbc:pool:mariadb://db/moalog?sslMode=trust"))
                .isEqualTo("jdbc:mariadb://db/moalog?sslMode=trust");
        assertThat(DatabaseMigrations.jdbcUrl("r2dbc:mysql://db:3307/moalog"))
                .isEqualTo("jdbc:mariadb://db:3307/moalog");
    }

    @Test
    void noUrlSaysWhatToSetAndAnotherDatabaseIsRefused() {
        assertThatIllegalStateException()
                .isThrownBy(() -> DatabaseMigrations.jdbcUrl(" "))
                .withMessageContaining("MOALOG_DB_URL");
        assertThatIllegalArgumentException().isThrownBy(() -> DatabaseMigrations.jdbcUrl("r2dbc:postgresql://db/x"));
    }
}
