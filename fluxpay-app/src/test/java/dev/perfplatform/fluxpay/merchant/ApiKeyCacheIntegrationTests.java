package dev.perfplatform.fluxpay.merchant;

import static org.assertj.core.api.Assertions.assertThat;

import dev.perfplatform.fluxpay.FluxPayApplicationTestBase;
import dev.perfplatform.fluxpay.MutableClock;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * API keys through the cache: a flood of one unknown key is one query per negative window, and a key created after it
 * was found unknown works at once. Queries are counted where they are made, on the app's {@link DatabaseClient}.
 */
@Import({MutableClock.Configuration.class, ApiKeyCacheIntegrationTests.CountQueries.class})
class ApiKeyCacheIntegrationTests extends FluxPayApplicationTestBase {

    private static final int FLOOD = 20;
    private static final AtomicInteger KEY_QUERIES = new AtomicInteger();

    @Autowired
    MutableClock clock;

    @Autowired
    MerchantRepository merchants;

    @Test
    void aFloodOfOneUnknownKeyIsOneQueryPerNegativeWindow() throws Exception {
        String unknown = "sk_unknown_" + UUID.randomUUID();
        KEY_QUERIES.set(0);

        assertThat(orders(unknown, FLOOD)).containsOnly(401);
        assertThat(orders(unknown, FLOOD)).containsOnly(401);
        assertThat(KEY_QUERIES)
                .as("key queries for %d requests in the window", 2 * FLOOD)
                .hasValue(1);

        clock.advance(Duration.ofSeconds(2));
        assertThat(orders(unknown, 1)).containsOnly(401);
        assertThat(KEY_QUERIES)
                .as("once the 2 s window has passed, the key is looked up again")
                .hasValue(2);
        assertThat(orders(MERCHANT_KEY, 3)).containsOnly(200);
        assertThat(orders(MERCHANT_KEY, 3)).containsOnly(200);
        assertThat(KEY_QUERIES).as("a known key is cached too").hasValue(3);
    }

    @Test
    void aKeyCreatedAfterItWasFoundUnknownWorksAtOnce() throws Exception {
        String future = "sk_future_" + UUID.randomUUID();
        assertThat(orders(future, 1)).containsOnly(401);

        merchants
                .create(UUID.randomUUID(), "late", future, null, "whsec_" + UUID.randomUUID())
                .block();

        assertThat(orders(future, 1)).containsOnly(200);
    }

    /** {@code GET /api/v1/orders?userId=u} with {@code key}, {@code times} at once; the statuses. */
    private List<Integer> orders(String key, int times) throws Exception {
        List<Callable<HttpResponse<String>>> calls = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            calls.add(() -> send("GET", "/api/v1/orders?userId=u", key, ""));
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(times, 10));
        List<Integer> statuses = new ArrayList<>();
        try {
            for (Future<HttpResponse<String>> answer : pool.invokeAll(calls)) {
                statuses.add(answer.get().statusCode());
            }
        } finally {
            pool.shutdownNow();
        }
        return statuses;
    }

    /** Wraps the app's {@link DatabaseClient} to count the API-key look-ups it is asked to run. */
    @TestConfiguration(proxyBeanMethods = false)
    static class CountQueries {

        @Bean
        static BeanPostProcessor countingApiKeyQueries() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    return bean instanceof DatabaseClient db ? counting(db) : bean;
                }
            };
        }

        private static DatabaseClient counting(DatabaseClient db) {
            return (DatabaseClient) Proxy.newProxyInstance(
                    DatabaseClient.class.getClassLoader(),
                    new Class<?>[] {DatabaseClient.class},
                    (proxy, method, args) -> {
                        if (method.getName().equals("sql")
                                && args.length == 1
                                && args[0] instanceof String sql
                                && sql.contains("WHERE api_key_hash = :hash")) {
                            KEY_QUERIES.incrementAndGet();
                        }
                        try {
                            return method.invoke(db, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }
    }
}
