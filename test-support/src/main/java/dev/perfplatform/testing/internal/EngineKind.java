package dev.perfplatform.testing.internal;

import java.util.Map;

/** One kind of server a test can ask for (Redis, PostgreSQL, MariaDB): where to look and how to check it. */
public interface EngineKind {

    /** Human name used in messages, e.g. {@code PostgreSQL}. */
    String displayName();

    /** The environment variable that names an explicit server, e.g. {@code TEST_POSTGRES_URL}. */
    String environmentVariable();

    /** The JUnit configuration parameter (or system property) that does the same, e.g. {@code test.postgres.url}. */
    String configurationParameter();

    /** The URL of a server on its standard local port, with the credentials a stock install accepts. */
    ServiceUrl localDefault();

    /** Default port when a URL names none. */
    int defaultPort();

    /** The image started when only a Docker engine is available. */
    String dockerImage();

    /** Environment of that container. */
    Map<String, String> containerEnvironment();

    /** URL of the started container, given its mapped address. */
    ServiceUrl containerUrl(String host, int mappedPort);

    /** Logs in and runs a trivial command; throws with the server's own words when that fails. */
    void verify(ServiceUrl url) throws Exception;

    /** An example URL for the environment variable, shown in messages. */
    default String exampleUrl() {
        return localDefault().scheme() + "://user:password@host:" + defaultPort();
    }
}
