package dev.perfplatform.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExternalProgramsTests {

    @TempDir
    Path dir;

    @Test
    void aProgramMissingFromThePathFailsNamingThePackageThatBringsIt() throws Exception {
        Path empty = Files.createDirectory(dir.resolve("empty"));

        assertThatThrownBy(() -> ExternalPrograms.require("promtool", "prometheus", empty.toString()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("promtool not on the PATH: apt-get install prometheus (Debian) or see README Requirements");
        assertThatThrownBy(() -> ExternalPrograms.require("redis-server", "redis-server redis-tools", null))
                .hasMessage("redis-server not on the PATH: apt-get install redis-server redis-tools (Debian) or see"
                        + " README Requirements");
    }

    @Test
    void findsAnExecutableInAnyPathEntry() throws Exception {
        Path bin = Files.createDirectory(dir.resolve("bin"));
        Path openssl = Files.createFile(
                bin.resolve("openssl"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));

        assertThat(ExternalPrograms.require("openssl", "openssl", dir + File.pathSeparator + File.pathSeparator + bin))
                .isEqualTo(openssl);
    }

    @Test
    void aFileThatCannotRunIsNoProgram() throws Exception {
        Files.createFile(dir.resolve("prometheus"));

        assertThat(ExternalPrograms.find("prometheus", dir.toString())).isEmpty();
    }
}
