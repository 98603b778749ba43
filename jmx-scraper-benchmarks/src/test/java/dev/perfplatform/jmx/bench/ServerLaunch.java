package dev.perfplatform.jmx.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * How to start our server after the JVM flags: {@code -jar} the standalone jar, or {@code -cp} the module's classes
 * and runtime dependencies with the main class (the same code; the jar is preferred when the build made one).
 *
 * @param arguments the java arguments after the flags
 * @param description what the page says about it
 */
record ServerLaunch(List<String> arguments, String description) {

    static final String MAIN_CLASS = "dev.perfplatform.jmx.server.JmxScraperServer";

    /** From {@code --server-jar <jar>} or {@code --server-classpath <path>}. */
    static ServerLaunch of(String option, String value) {
        if (option.equals("--server-jar")) {
            if (!Files.isRegularFile(Path.of(value))) {
                throw new IllegalArgumentException("--server-jar " + value + " is not a file");
            }
            return new ServerLaunch(
                    List.of("-jar", value), "`java -jar " + Path.of(value).getFileName() + "`");
        }
        if (option.equals("--server-classpath")) {
            return new ServerLaunch(
                    List.of("-cp", value, MAIN_CLASS),
                    "`java -cp <module classes + runtime dependencies> " + MAIN_CLASS + "`");
        }
        throw new IllegalArgumentException("option must be --server-jar or --server-classpath, not " + option);
    }
}
