package dev.perfplatform.jmx.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the build put the jars the child processes run (system property {@code jmx-scraper.test-jars}). */
final class TestJars {

    private TestJars() {}

    static Path jolokiaAgent() {
        return jar("jolokia-agent-jvm-javaagent.jar");
    }

    static Path jmxExporter() {
        return jar("jmx_prometheus_httpserver.jar");
    }

    static Path java() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    private static Path jar(String name) {
        String dir = System.getProperty("jmx-scraper.test-jars", "target/test-jars");
        Path jar = Path.of(dir, name);
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: run the build's process-test-resources phase");
        }
        return jar;
    }
}
