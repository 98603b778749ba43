package dev.perfplatform.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.perfplatform.testing.internal.EngineUnavailableException;
import dev.perfplatform.testing.redis.RedisEndpoint;
import dev.perfplatform.testing.redis.RedisTest;
import dev.perfplatform.testing.sql.MariaDbDatabase;
import dev.perfplatform.testing.sql.MariaDbTest;
import dev.perfplatform.testing.sql.PostgresDatabase;
import dev.perfplatform.testing.sql.PostgresTest;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/** An explicit URL at a closed port fails the class loudly, with the three ways to provide a server. */
class MissingEngineIntegrationTests {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "TEST_REDIS_URL,    test.redis.url,    redis://127.0.0.1:PORT,                        Redis",
        "TEST_POSTGRES_URL, test.postgres.url, postgresql://postgres:secret@127.0.0.1:PORT/x, PostgreSQL",
        "TEST_MYSQL_URL,    test.mysql.url,    mysql://root:secret@127.0.0.1:PORT,            MariaDB/MySQL"
    })
    void failsTheTestClassWithTheWaysToProvideAServer(
            String variable, String parameter, String urlTemplate, String engine) throws IOException {
        String url = urlTemplate.replace("PORT", String.valueOf(closedPort()));
        Class<?> sample =
                samples().get(List.of("Redis", "PostgreSQL", "MariaDB/MySQL").indexOf(engine));

        List<Event> failures = EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(sample))
                .configurationParameter(parameter, url)
                .execute()
                .containerEvents()
                .failed()
                .list();

        assertThat(failures).hasSize(1);
        Throwable failure = failures.get(0)
                .getPayload(TestExecutionResult.class)
                .flatMap(TestExecutionResult::getThrowable)
                .orElseThrow();
        assertThat(failure)
                .isInstanceOf(EngineUnavailableException.class)
                .hasMessageContaining(variable + " (or " + parameter + ") = ")
                .hasMessageContaining("does not answer")
                .hasMessageContaining("A test needs a real " + engine + " server")
                .hasMessageContaining("1. set " + variable)
                .hasMessageContaining("2. start a server on its standard local port")
                .hasMessageContaining("3. start a Docker engine")
                .hasMessageNotContaining("secret");
    }

    private static List<Class<?>> samples() {
        return List.of(NeedsRedis.class, NeedsPostgres.class, NeedsMariaDb.class);
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Run through the JUnit test kit only. */
    @RedisTest
    static class NeedsRedis {
        @Test
        void uses(RedisEndpoint redis) {}
    }

    /** Run through the JUnit test kit only. */
    @PostgresTest
    static class NeedsPostgres {
        @Test
        void uses(PostgresDatabase database) {}
    }

    /** Run through the JUnit test kit only. */
    @MariaDbTest
    static class NeedsMariaDb {
        @Test
        void uses(MariaDbDatabase database) {}
    }
}
