package dev.perfplatform.testing;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The programs on the {@code PATH} that some tests run ({@code redis-server}, {@code redis-cli}, {@code openssl},
 * {@code promtool}, {@code prometheus}): found, or a failure that names the package bringing each, e.g.
 *
 * <pre>{@code
 * Path promtool = ExternalPrograms.require("promtool", "prometheus");
 * // promtool not on the PATH: apt-get install prometheus (Debian) or see README Requirements
 * }</pre>
 *
 * <p>Looked up before the program is started, so a missing one fails with that sentence instead of {@code
 * ProcessBuilder}'s {@code error=2, No such file or directory}.
 */
public final class ExternalPrograms {

    private ExternalPrograms() {}

    /** {@code program} on the PATH; fails naming {@code debianPackages} (e.g. {@code "redis-server redis-tools"}). */
    public static Path require(String program, String debianPackages) {
        return require(program, debianPackages, System.getenv("PATH"));
    }

    /** {@code program} on the PATH, if it is there. */
    public static Optional<Path> find(String program) {
        return find(program, System.getenv("PATH"));
    }

    /** The sentence a test fails with when {@code program} is missing. */
    public static String missing(String program, String debianPackages) {
        return program + " not on the PATH: apt-get install " + debianPackages + " (Debian) or see README Requirements";
    }

    static Path require(String program, String debianPackages, @Nullable String path) {
        return find(program, path).orElseThrow(() -> new IllegalStateException(missing(program, debianPackages)));
    }

    static Optional<Path> find(String program, @Nullable String path) {
        if (path == null) {
            return Optional.empty();
        }
        for (String entry : path.split(File.pathSeparator, -1)) {
            if (entry.isEmpty()) {
                continue;
            }
            try {
                Path candidate = Path.of(entry, program);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            } catch (InvalidPathException e) {
                // an entry that is no path holds no program
            }
        }
        return Optional.empty();
    }
}
