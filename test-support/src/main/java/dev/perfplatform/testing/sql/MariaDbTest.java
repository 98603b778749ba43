package dev.perfplatform.testing.sql;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives the annotated test class a database of its own on a real server, created before the class and dropped
 * after it, injected as a {@link MariaDbDatabase} parameter.
 *
 * <pre>{@code
 * @MariaDbTest
 * class OrderRepositoryIntegrationTests {
 *     @Test
 *     void storesAnOrder(MariaDbDatabase database) throws SQLException {
 *         try (Connection connection = database.connect()) { ... }
 *     }
 * }
 * }</pre>
 *
 * <p>The server is {@code TEST_MYSQL_URL} when set, else one on 127.0.0.1:3306 (user root, no password), else a {@code mariadb:10.11} container when a
 * Docker engine is present; otherwise the class fails with a message that says so.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(MariaDbExtension.class)
public @interface MariaDbTest {}
