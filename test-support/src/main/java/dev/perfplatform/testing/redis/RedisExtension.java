package dev.perfplatform.testing.redis;

import dev.perfplatform.testing.internal.ClassScopedResources;
import dev.perfplatform.testing.internal.EngineResolver;
import dev.perfplatform.testing.internal.RedisEngineKind;
import dev.perfplatform.testing.internal.ServiceUrl;
import dev.perfplatform.testing.resp.RespClient;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/** The extension behind {@link RedisTest}; register it directly with {@code @ExtendWith} if you prefer. */
public final class RedisExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver {

    private static final int SCAN_BATCH = 500;

    @Override
    public void beforeAll(ExtensionContext context) {
        ServiceUrl url = EngineResolver.standard(key -> ClassScopedResources.configuration(context, key))
                .resolve(RedisEngineKind.INSTANCE);
        int database = url.path().isEmpty() ? 0 : Integer.parseInt(url.path());
        String prefix = ClassScopedResources.uniqueName("test", context.getRequiredTestClass(), 60)
                        .replace('_', ':')
                + ":";
        ClassScopedResources.put(
                context,
                RedisEndpoint.class,
                new RedisEndpoint(url.host(), url.port(), url.user(), url.password(), database, prefix));
    }

    @Override
    public void afterAll(ExtensionContext context) {
        RedisEndpoint endpoint = ClassScopedResources.remove(context, RedisEndpoint.class);
        if (endpoint != null) {
            deleteKeys(endpoint);
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == RedisEndpoint.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return ClassScopedResources.find(context, RedisEndpoint.class);
    }

    /** Deletes every key under the endpoint's prefix (SCAN + UNLINK), never anything else. */
    static void deleteKeys(RedisEndpoint endpoint) {
        ServiceUrl url = new ServiceUrl(
                "redis",
                endpoint.host(),
                endpoint.port(),
                endpoint.username(),
                endpoint.password(),
                String.valueOf(endpoint.database()));
        try (RespClient client = RedisEngineKind.open(url)) {
            String cursor = "0";
            do {
                List<?> reply = client.array(
                        "SCAN", cursor, "MATCH", endpoint.keyPrefix() + "*", "COUNT", String.valueOf(SCAN_BATCH));
                cursor = String.valueOf(reply.get(0));
                List<?> keys = (List<?>) reply.get(1);
                if (!keys.isEmpty()) {
                    String[] command = new String[keys.size() + 1];
                    command[0] = "UNLINK";
                    for (int i = 0; i < keys.size(); i++) {
                        command[i + 1] = String.valueOf(keys.get(i));
                    }
                    client.command(command);
                }
            } while (!cursor.equals("0"));
        }
    }
}
