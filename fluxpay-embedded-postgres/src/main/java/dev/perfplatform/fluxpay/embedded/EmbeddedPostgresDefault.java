package dev.perfplatform.fluxpay.embedded;

import java.nio.file.Path;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Makes an embedded PostgreSQL the database of an app that names none: when {@code spring.r2dbc.url} is blank once
 * the context is prepared (so after command-line arguments, {@code application.yaml} and test property sources),
 * starts {@link EmbeddedDatabase} on {@value #DATA_DIR_PROPERTY} (default {@value #DEFAULT_DATA_DIR}, relative to the
 * working directory) and {@value #PORT_PROPERTY} (0: a free port), creates the {@value #DATABASE} database if
 * missing, points {@code spring.r2dbc.*} at it, warns loudly that it is not durable, and stops it when the context
 * closes (after every other bean). Registered in {@code META-INF/spring.factories}, so it acts only where this module
 * is on the class path.
 */
public final class EmbeddedPostgresDefault implements ApplicationListener<ApplicationPreparedEvent> {

    /** Where the cluster lives; fluxpay-app maps {@code FLUXPAY_DATA_DIR} to it. */
    public static final String DATA_DIR_PROPERTY = "fluxpay.embedded-postgres.data-dir";

    /** The server's port; fluxpay-app maps {@code FLUXPAY_EMBEDDED_DB_PORT} to it. */
    public static final String PORT_PROPERTY = "fluxpay.embedded-postgres.port";

    /** The data directory when {@value #DATA_DIR_PROPERTY} is not set. */
    public static final String DEFAULT_DATA_DIR = ".fluxpay/data";

    /**
     * Set to {@code true} while the embedded server is the app's database: the app's embedded development mode, in
     * which its other development stand-ins default on.
     */
    public static final String ACTIVE_PROPERTY = "fluxpay.embedded-postgres.active";

    /** The database the app uses on the embedded server. */
    public static final String DATABASE = "fluxpay";

    static final String URL_PROPERTY = "spring.r2dbc.url";
    static final String PROPERTY_SOURCE = "fluxpayEmbeddedPostgres";
    static final String BEAN_NAME = "fluxpayEmbeddedPostgres";

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresDefault.class);

    @Override
    public void onApplicationEvent(ApplicationPreparedEvent event) {
        ConfigurableApplicationContext context = event.getApplicationContext();
        ConfigurableEnvironment environment = context.getEnvironment();
        if (StringUtils.hasText(environment.getProperty(URL_PROPERTY))) {
            return;
        }
        Path dataDirectory = Path.of(environment.getProperty(DATA_DIR_PROPERTY, DEFAULT_DATA_DIR))
                .toAbsolutePath()
                .normalize();
        Path logFile = dataDirectory.resolveSibling("postgresql.log");
        EmbeddedDatabase database =
                start(dataDirectory, environment.getProperty(PORT_PROPERTY, Integer.class, 0), logFile);
        stopWhenClosed(context.getBeanFactory(), database);
        environment
                .getPropertySources()
                .addFirst(new MapPropertySource(
                        PROPERTY_SOURCE,
                        Map.of(
                                URL_PROPERTY,
                                database.r2dbcUrl(DATABASE),
                                "spring.r2dbc.username",
                                EmbeddedDatabase.USER,
                                "spring.r2dbc.password",
                                "",
                                ACTIVE_PROPERTY,
                                "true")));
        log.warn(NotDurableBanner.text(database, dataDirectory, logFile));
    }

    private static EmbeddedDatabase start(Path dataDirectory, int port, Path logFile) {
        @Nullable EmbeddedDatabase database = null;
        try {
            database = EmbeddedDatabase.start(dataDirectory, port, logFile);
            database.createDatabaseIfMissing(DATABASE);
            return database;
        } catch (Exception | LinkageError e) {
            closeQuietly(database);
            throw new IllegalStateException(
                    "No database is configured (FLUXPAY_DB_URL / spring.r2dbc.url) and the embedded PostgreSQL did not"
                            + " start on " + dataDirectory + " (its log: " + logFile + "): " + e.getMessage()
                            + ". Set FLUXPAY_DB_URL to use a PostgreSQL server.",
                    e);
        }
    }

    /**
     * Registered before any bean exists, so the bean factory destroys it last: the connection pool and the schedulers
     * are gone before the server stops.
     */
    private static void stopWhenClosed(ConfigurableListableBeanFactory beanFactory, EmbeddedDatabase database) {
        beanFactory.registerSingleton(BEAN_NAME, database);
        if (beanFactory instanceof DefaultSingletonBeanRegistry registry) {
            registry.registerDisposableBean(BEAN_NAME, database::close);
        }
        // otherwise the launcher's own JVM shutdown hook stops it
    }

    private static void closeQuietly(@Nullable EmbeddedDatabase database) {
        if (database == null) {
            return;
        }
        try {
            database.close();
        } catch (Exception e) {
            log.debug("could not stop the embedded PostgreSQL after a failed start", e);
        }
    }
}
