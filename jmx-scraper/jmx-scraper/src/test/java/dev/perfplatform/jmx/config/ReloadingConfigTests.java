package dev.perfplatform.jmx.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReloadingConfigTests {

    @TempDir
    Path directory;

    private Path file;
    private final Instant start = Instant.parse("2026-01-01T00:00:00Z");

    private ReloadingConfig watch(String yaml) throws IOException {
        file = directory.resolve("jmx-scraper.yml");
        write(yaml, 0);
        return new ReloadingConfig(
                file, path -> ConfigLoader.parse(path.toString(), read(path), Map.<String, String>of()::get));
    }

    private void write(String yaml, int secondsLater) throws IOException {
        Files.writeString(file, yaml);
        Files.setLastModifiedTime(file, FileTime.from(start.plusSeconds(secondsLater)));
    }

    private static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new ConfigException(path.toString(), 0, "(file)", e.toString(), e);
        }
    }

    @Test
    void rereadsTheFileWhenItsModificationTimeChanges() throws IOException {
        ReloadingConfig config = watch("lowercaseOutputName: false\n");
        assertThat(config.current().rules().lowercaseOutputName()).isFalse();
        write("lowercaseOutputName: true\n", 1);
        assertThat(config.current().rules().lowercaseOutputName()).isTrue();
        assertThat(config.current().rules().lowercaseOutputName()).isTrue();
        assertThat(config.reloadSuccesses()).isEqualTo(1);
        assertThat(config.reloadFailures()).isZero();
    }

    @Test
    void rereadsTheFileWhenOnlyItsSizeChanges() throws IOException {
        ReloadingConfig config = watch("lowercaseOutputName: false\n");
        write("lowercaseOutputName: true  \n", 0);
        assertThat(config.current().rules().lowercaseOutputName()).isTrue();
    }

    @Test
    void keepsThePreviousConfigurationWhenAReloadFailsAndCountsItOnce() throws IOException {
        ReloadingConfig config = watch("lowercaseOutputName: true\n");
        write("lowercaseOutputName: maybe\n", 1);
        assertThat(config.current().rules().lowercaseOutputName()).isTrue();
        assertThat(config.current().rules().lowercaseOutputName()).isTrue();
        assertThat(config.reloadFailures()).isEqualTo(1);
        assertThat(config.lastError()).isEqualTo(file + ":1: lowercaseOutputName: must be true or false");
        write("lowercaseOutputName: false\n", 2);
        assertThat(config.current().rules().lowercaseOutputName()).isFalse();
        assertThat(config.lastError()).isNull();
        assertThat(config.reloadSuccesses()).isEqualTo(1);
    }

    @Test
    void aDeletedFileIsAFailedReload() throws IOException {
        ReloadingConfig config = watch("lowercaseOutputName: true\n");
        Files.delete(file);
        assertThat(config.current().rules().lowercaseOutputName()).isTrue();
        assertThat(config.reloadFailures()).isEqualTo(1);
    }
}
