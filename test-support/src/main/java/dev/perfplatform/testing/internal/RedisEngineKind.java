package dev.perfplatform.testing.internal;

import dev.perfplatform.testing.resp.RespClient;
import java.time.Duration;
import java.util.Map;

/** Redis: {@code TEST_REDIS_URL=redis://[[user]:password@]host[:port][/database]}. */
public final class RedisEngineKind implements EngineKind {

    /** The one instance. */
    public static final RedisEngineKind INSTANCE = new RedisEngineKind();

    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    private RedisEngineKind() {}

    @Override
    public String displayName() {
        return "Redis";
    }

    @Override
    public String environmentVariable() {
        return "TEST_REDIS_URL";
    }

    @Override
    public String configurationParameter() {
        return "test.redis.url";
    }

    @Override
    public ServiceUrl localDefault() {
        return new ServiceUrl("redis", "127.0.0.1", 6379, null, null, "");
    }

    @Override
    public int defaultPort() {
        return 6379;
    }

    @Override
    public String exampleUrl() {
        return "redis://:password@host:6379/0";
    }

    @Override
    public String dockerImage() {
        return "redis:7";
    }

    @Override
    public Map<String, String> containerEnvironment() {
        return Map.of();
    }

    @Override
    public ServiceUrl containerUrl(String host, int mappedPort) {
        return localDefault().withAddress(host, mappedPort);
    }

    @Override
    public void verify(ServiceUrl url) {
        try (RespClient client = open(url)) {
            Object pong = client.command("PING");
            if (!"PONG".equals(pong)) {
                throw new IllegalStateException("PING answered " + pong);
            }
        }
    }

    /** A connection to {@code url}, authenticated and on the URL's database. */
    public static RespClient open(ServiceUrl url) {
        RespClient client = RespClient.connect(url.host(), url.port(), TIMEOUT);
        try {
            String password = url.password();
            String user = url.user();
            if (password != null && !password.isEmpty()) {
                if (user != null) {
                    client.command("AUTH", user, password);
                } else {
                    client.command("AUTH", password);
                }
            }
            if (!url.path().isEmpty() && !url.path().equals("0")) {
                client.command("SELECT", url.path());
            }
            return client;
        } catch (RuntimeException e) {
            client.close();
            throw e;
        }
    }
}
