package dev.perfplatform.payment.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RedactionTests {

    @RegisterExtension
    final FluxPayServer server = new FluxPayServer();

    private final Logger logger = Logger.getLogger("dev.perfplatform.payment.client");
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            lines.add(record.getMessage());
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };
    private Level level;

    @BeforeEach
    void captureEveryLogLine() {
        level = logger.getLevel();
        logger.setLevel(Level.ALL);
        logger.addHandler(capture);
    }

    @AfterEach
    void restoreLogging() {
        logger.removeHandler(capture);
        logger.setLevel(level);
    }

    @Test
    void theApiKeyIsInNoLogLineNorExceptionEvenWhenTheServerEchoesIt() {
        String echo = "key " + FluxPayServer.API_KEY + " is revoked";
        server.error(500, "SYS_001", echo)
                .error(500, "SYS_001", echo)
                .error(500, "SYS_001", echo)
                .error(401, ErrorCodes.AUTHENTICATION_FAILED, echo)
                .dropConnection();

        Throwable serverError = catchThrowable(() -> server.client().orders().get("ord_1"));
        Throwable authError = catchThrowable(() -> server.client().orders().get("ord_1"));
        Throwable transportError;
        try (FluxPayClient client =
                server.builder().retryPolicy(RetryPolicy.none()).build()) {
            transportError = catchThrowable(() -> client.orders().get("ord_1"));
        }

        assertThat(lines).as("retries were logged").hasSizeGreaterThanOrEqualTo(2);
        assertThat(String.join("\n", lines)).doesNotContain(FluxPayServer.API_KEY);
        for (Throwable error : List.of(serverError, authError, transportError)) {
            assertThat(error).isInstanceOf(FluxPayException.class);
            assertThat(stackTrace(error)).doesNotContain(FluxPayServer.API_KEY);
        }
        assertThat(authError).hasMessageContaining("key [redacted] is revoked");
    }

    @Test
    void theApiKeyIsInNoToString() {
        FluxPayClient.Builder builder = server.builder();

        assertThat(builder.toString()).doesNotContain(FluxPayServer.API_KEY).contains("[redacted]");
        assertThat(server.client().toString()).doesNotContain(FluxPayServer.API_KEY);
    }

    private static String stackTrace(Throwable error) {
        StringWriter text = new StringWriter();
        error.printStackTrace(new PrintWriter(text));
        return text.toString();
    }
}
