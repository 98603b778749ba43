package dev.perfplatform.fluxpay;

import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Flyway migrations over JDBC, from the same {@code spring.r2dbc.*} settings the app runs on, so a deployment sets
 * one database URL ({@code FLUXPAY_DB_URL}); they run before the app serves anything.
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
        String r2dbcUrl = environment.getRequiredProperty("spring.r2dbc.url");
        return Flyway.configure()
                .dataSource(
                        jdbcUrl(r2dbcUrl),
                        environment.getProperty("spring.r2dbc.username"),
                        environment.getProperty("spring.r2dbc.password"))
                .locations("classpath:db/migration")
                .load();
    }

    /** {@code r2dbc:postgresql://…} or {@code r2dbc:pool:postgresql://…} as {@code jdbc:postgresql://…}. */
    static String jdbcUrl(String r2dbcUrl) {
        if (r2dbcUrl.isBlank()) {
            throw new IllegalStateException("No database configured: set FLUXPAY_DB_URL (spring.r2dbc.url). Only a"
                    + " development build, with the fluxpay-embedded-postgres module, starts an embedded PostgreSQL.");
        }
        String rest = r2dbcUrl.startsWith("r2dbc:") ? r2dbcUrl.substring("r2dbc:".length()) : r2dbcUrl;
        if (rest.startsWith("pool:")) {
            rest = rest.substring("pool:".length());
        }
        if (!rest.startsWith("postgresql://")) {
            throw new IllegalArgumentException("spring.r2dbc.url must be an r2dbc:postgresql:// URL");
        }
        return "jdbc:" + rest;
    }
}
