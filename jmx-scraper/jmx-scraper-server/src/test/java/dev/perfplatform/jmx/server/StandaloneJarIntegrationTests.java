package dev.perfplatform.jmx.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/** The attached {@code -standalone} jar the package phase builds, run as {@code java -jar}. */
class StandaloneJarIntegrationTests {

    @Test
    void runsAsAnExecutableJarAndPrintsItsVersion() throws Exception {
        Path jar = standaloneJar();
        Process process = new ProcessBuilder(javaBinary(), "-jar", jar.toString(), "--version").start();

        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).isZero();
        String version =
                jar.getFileName().toString().replace("jmx-scraper-server-", "").replace("-standalone.jar", "");
        assertThat(out).isEqualTo("jmx-scraper " + version + System.lineSeparator());
    }

    @Test
    void holdsTheRuntimeDependenciesButNoSpring() throws IOException {
        try (JarFile jar = new JarFile(standaloneJar().toFile())) {
            List<String> names = jar.stream().map(entry -> entry.getName()).toList();

            assertThat(names)
                    .contains("dev/perfplatform/jmx/server/JmxScraperServer.class")
                    .contains("org/yaml/snakeyaml/Yaml.class")
                    .contains("org/jolokia/json/parser/JSONParser.class")
                    .noneMatch(name -> name.startsWith("org/jolokia/client/"))
                    .noneMatch(name -> name.startsWith("org/springframework/"))
                    .noneMatch(name -> name.startsWith("io/micrometer/"));
            assertThat(jar.getManifest().getMainAttributes().getValue("Main-Class"))
                    .isEqualTo(JmxScraperServer.class.getName());
        }
    }

    private static Path standaloneJar() throws IOException {
        Path target = Path.of(System.getProperty("jmx-scraper.test-jars")).getParent();
        List<Path> jars = new ArrayList<>();
        try (DirectoryStream<Path> found = Files.newDirectoryStream(target, "jmx-scraper-server-*-standalone.jar")) {
            found.forEach(jars::add);
        }
        assertThat(jars).as("the package phase's standalone jar in " + target).hasSize(1);
        return jars.get(0);
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
