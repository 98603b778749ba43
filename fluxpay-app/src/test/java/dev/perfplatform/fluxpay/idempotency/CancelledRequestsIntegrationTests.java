package dev.perfplatform.fluxpay.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.perfplatform.fluxpay.FluxPayApplicationTestBase;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

/**
 * Clients that hang up mid-request (a load tool ending its run, a mobile client losing signal) must leave no pooled
 * connection inside a transaction: the work of a request that started runs to its end, and the next requests are
 * answered normally.
 */
class CancelledRequestsIntegrationTests extends FluxPayApplicationTestBase {

    @Value("${local.server.port}")
    private int port;

    @Test
    void clientsHangingUpMidRequestLeaveNoConnectionInATransaction() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<?>> hangUps = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                hangUps.add(pool.submit(() -> {
                    postAndHangUp();
                    return null;
                }));
            }
            for (Future<?> hangUp : hangUps) {
                hangUp.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(count("SELECT count(*) FROM pg_stat_activity"
                                + " WHERE datname = current_database() AND state LIKE 'idle in transaction%'"))
                        .isZero());
        for (int i = 0; i < 30; i++) {
            assertThat(post("/api/v1/orders", order()).statusCode()).isEqualTo(201);
        }
        // every request that claimed its key ran to its end: its answer is stored for the client's retry
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(
                        () -> assertThat(count("SELECT count(*) FROM idempotency_keys WHERE response_status IS NULL"))
                                .isZero());
        assertThat(count("SELECT count(*) FROM idempotency_keys")).isGreaterThan(30);
    }

    private void postAndHangUp() throws Exception {
        byte[] body = order().getBytes(StandardCharsets.UTF_8);
        String head = "POST /api/v1/orders HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                + "Authorization: Bearer " + MERCHANT_KEY + "\r\nIdempotency-Key: " + UUID.randomUUID()
                + "\r\nContent-Length: " + body.length + "\r\n\r\n";
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoLinger(true, 0); // close with a reset, as a dropped client does
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            // hang up at a random point of the request's work: after up to 60 ms of waiting for its answer
            socket.setSoTimeout(ThreadLocalRandom.current().nextInt(1, 60));
            try {
                socket.getInputStream().read();
            } catch (SocketTimeoutException stillWorking) {
                // the client gives up here, mid-request
            }
        }
    }

    private static String order() {
        return "{\"userId\":\"u\",\"currency\":\"KRW\",\"lineItems\":[{\"productId\":\"p\","
                + "\"productName\":\"P\",\"quantity\":1,\"unitPrice\":1000}]}";
    }
}
