package dev.perfplatform.moalog;

import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Flyway migrations over JDBC from the same {@code spring.r2dbc.*} settings the app runs on, so a deployment sets one
 * database URL ({@code MOALOG_DB_URL}); they run before the app serves anything.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseMigrations {

    /** Fails the start before anything connects when no usable database URL is configured, saying what to set. */
    @Bean
    static BeanFactoryPostProcessor requireDatabaseUrl(Environment environment) {
        return beanFactory -> jdbcUrl(environment.getProperty("spring.r2dbc.url", ""));
    }

    @Bean(initMethod = "migrate")
    Flyway flyway(Environment environment) {
        return Flyway.configure()
                .dataSource(
                        jdbcUrl(environment.getRequiredProperty("spring.r2dbc.url")),
                        environment.getProperty("spring.r2dbc.username"),
                        environment.getProperty("spring.r2dbc.password"))
                .locations("classpath:db/migration")
                .load();
    }

    /**
     * {@code r2dbc:mariadb://…}, {@code r2dbc:mysql://…} or either behind {@code r2dbc:pool:} as the MariaDB JDBC
     * driver's {@code jdbc:mariadb://…} (it speaks to MySQL 8 too).
     */
    static String jdbcUrl(String r2dbcUrl) {
        if (r2dbcUrl.isBlank()) {
            throw new IllegalStateException("No database configured: set MOALOG_DB_URL (spring.r2dbc.url), e.g."
                    + " r2dbc:mariadb://127.0.0.1:3306/moalog, with MOALOG_DB_USER and MOALOG_DB_PASSWORD. The"
                    + " development build, with the moalog-embedded-mariadb module, starts an embedded MariaDB.");
        }
        String rest = r2dbcUrl.startsWith("r2dbc:") ? r2dbcUrl.substring("r2dbc:".length()) : r2dbcUrl;
        if (rest.startsWith("pool:")) {
            rest = rest.substring("pool:".length());
        }
        for (String scheme : new String[] {"mariadb://", "mysql://"}) {
            if (rest.startsWith(scheme)) {
                return "jdbc:mariadb://" + rest.substring(scheme.length());
            }
        }
        throw new IllegalArgumentException("spring.r2dbc.url must be an r2dbc:mariadb:// or r2dbc:mysql:// URL");
    }
}
