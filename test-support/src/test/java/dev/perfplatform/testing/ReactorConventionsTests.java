package dev.perfplatform.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import org.junit.jupiter.api.Test;

class ReactorConventionsTests {

    @Test
    void everyModuleOfThisReactorFollowsTheConventions() {
        Path root = Path.of("").toAbsolutePath().getParent();
        assertThat(root.resolve("bom/pom.xml")).as("reactor root").exists();

        assertThat(ReactorConventions.violations(root)).isEmpty();
    }

    @Test
    void reportsEachBrokenConventionOfAPublishedLibrary() throws URISyntaxException {
        Path fixture = Path.of(Objects.requireNonNull(getClass().getResource("/conventions-fixture/pom.xml"))
                        .toURI())
                .getParent();
        assertThat(Files.exists(fixture.resolve("sloppy-lib/src/main/java/com/example/sloppy/Sloppy.java")))
                .isTrue();

        assertThat(ReactorConventions.violations(fixture))
                .containsExactlyInAnyOrder(
                        "sloppy-lib: not a dependency of coverage-report/pom.xml",
                        "sloppy-lib: published but missing from bom/pom.xml",
                        "sloppy-lib: published but sets no perfplatform.automaticModuleName",
                        "sloppy-lib: published but perfplatform.flattenMode is not ossrh",
                        "sloppy-lib: package com.example.sloppy has no package-info.java with @NullMarked",
                        "sloppy-lib: package com.example.sloppy.internal has no package-info.java with @NullMarked");
    }
}
