package dev.perfplatform.moalog.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.MapPropertySource;

class EmbeddedMariaDbDefaultIntegrationTests {

    @TempDir
    Path dir;

    private final EmbeddedMariaDbDefault listener = new EmbeddedMariaDbDefault();

    @Test
    void pointsTheAppAtAnEmbeddedServerWhenNoDatabaseIsConfiguredAndStopsItOnClose() throws Exception {
        GenericApplicationContext context = context(Map.of(
                EmbeddedMariaDbDefault.DATA_DIR_PROPERTY, dir.resolve("data").toString()));

        listener.onApplicationEvent(prepared(context));
        context.refresh();
        String url = context.getEnvironment().getRequiredProperty("spring.r2dbc.url");
        int port = context.getBean(EmbeddedDatabase.class).port();

        assertThat(url).isEqualTo("r2dbc:mariadb://127.0.0.1:" + port + "/moalog");
        assertThat(context.getEnvironment().getProperty("spring.r2dbc.username"))
                .isEqualTo("root");
        assertThat(context.getEnvironment().getProperty(EmbeddedMariaDbDefault.ACTIVE_PROPERTY))
                .isEqualTo("true");
        assertThat(dir.resolve("data/moalog")).isDirectory();
        assertThat(dir.resolve("mariadb.log")).isNotEmptyFile();
        assertThat(accepts(port)).isTrue();

        context.close();

        assertThat(accepts(port)).isFalse();
    }

    @Test
    void givesTheStandInVariablesTheirDevelopmentDefaultsBelowEverythingElse() throws Exception {
        GenericApplicationContext context = context(Map.of(
                EmbeddedMariaDbDefault.DATA_DIR_PROPERTY,
                dir.resolve("data").toString(),
                "MOALOG_SECURE_COOKIES",
                "true"));

        listener.onApplicationEvent(prepared(context));
        try {
            assertThat(context.getEnvironment().getProperty("MOALOG_PROVIDER_SIMULATOR"))
                    .isEqualTo("true");
            assertThat(context.getEnvironment().getProperty("MOALOG_AI_OFFLINE"))
                    .isEqualTo("true");
            assertThat(context.getEnvironment().getProperty("MOALOG_GENERATE_JWT_SECRET"))
                    .isEqualTo("true");
            assertThat(context.getEnvironment().getProperty("MOALOG_SECURE_COOKIES"))
                    .as("a variable set by the user wins over the development default")
                    .isEqualTo("true");
        } finally {
            context.refresh();
            context.close();
        }
    }

    @Test
    void leavesAConfiguredDatabaseAlone() {
        GenericApplicationContext context = context(Map.of(
                "spring.r2dbc.url",
                "r2dbc:mariadb://db.example:3306/moalog",
                EmbeddedMariaDbDefault.DATA_DIR_PROPERTY,
                dir.resolve("data").toString()));

        listener.onApplicationEvent(prepared(context));

        assertThat(context.getEnvironment().getPropertySources().contains(EmbeddedMariaDbDefault.PROPERTY_SOURCE))
                .isFalse();
        assertThat(context.getEnvironment().getProperty("MOALOG_PROVIDER_SIMULATOR"))
                .isNull();
        assertThat(dir.resolve("data")).doesNotExist();
    }

    @Test
    void failsWithAMessageThatSaysHowToUseARealServer() throws IOException {
        Path notADirectory = Files.writeString(dir.resolve("file"), "x");
        GenericApplicationContext context =
                context(Map.of(EmbeddedMariaDbDefault.DATA_DIR_PROPERTY, notADirectory.toString()));

        assertThatThrownBy(() -> listener.onApplicationEvent(prepared(context)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Set MOALOG_DB_URL");
    }

    private static GenericApplicationContext context(Map<String, Object> properties) {
        GenericApplicationContext context = new GenericApplicationContext();
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("test", properties));
        return context;
    }

    private static ApplicationPreparedEvent prepared(GenericApplicationContext context) {
        return new ApplicationPreparedEvent(new SpringApplication(), new String[0], context);
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
