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
    void reportsEachBrokenConventionOfTheFixtureReactor() throws URISyntaxException {
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
                        "sloppy-lib: package com.example.sloppy.internal has no package-info.java with @NullMarked",
                        "sloppy-lib: public com.example.sloppy.Grouped.first() mentions internal "
                                + "com.example.sloppy.internal.Helper",
                        "sloppy-lib: public com.example.sloppy.Sloppy mentions internal com.example.sloppy.internal.Base",
                        "sloppy-lib: public com.example.sloppy.Sloppy mentions internal com.example.sloppy.internal.Helper",
                        "sloppy-lib: public com.example.sloppy.Sloppy.SHARED mentions internal "
                                + "com.example.sloppy.internal.Helper",
                        "sloppy-lib: public com.example.sloppy.Sloppy.helpers mentions internal "
                                + "com.example.sloppy.internal.Helper",
                        "sloppy-lib: public com.example.sloppy.Sloppy.<init>() mentions internal "
                                + "com.example.sloppy.internal.Helper",
                        "sloppy-lib: public com.example.sloppy.Sloppy.get() mentions internal "
                                + "com.example.sloppy.internal.Helper",
                        "sloppy-lib: public com.example.sloppy.Sloppy.accept() mentions internal "
                                + "com.example.sloppy.internal.Helper",
                        "sloppy-lib: public com.example.sloppy.Sloppy.accept() mentions internal "
                                + "com.example.sloppy.internal.HelperFailure",
                        "sloppy-lib: public com.example.sloppy.Sloppy.part() mentions internal "
                                + "com.example.sloppy.internal.Helper.Part",
                        "sloppy-lib: public com.example.sloppy.Sloppy.Pair.helper mentions internal "
                                + "com.example.sloppy.internal.Helper",
                        "sloppy-lib: public com.example.sloppy.Sloppy.Source.helper() mentions internal "
                                + "com.example.sloppy.internal.Helper",
                        "internal-app: com.example.app.App uses com.example.sloppy.internal, internal to sloppy-lib",
                        "internal-app: com.example.app.Launcher uses com.example.sloppy.internal, internal to sloppy-lib",
                        "tangled-app: package cycle com.example.tangled.audit -> com.example.tangled.ledger"
                                + " -> com.example.tangled.report -> com.example.tangled.audit"
                                + " (audit.Audit -> ledger.Ledger; ledger.Ledger -> report.Report;"
                                + " report.Report -> audit.Audit)",
                        "tangled-app: package cycle com.example.tangled.order <-> com.example.tangled.payment"
                                + " (order.Basket -> payment.Payment; payment.Payment -> order.*)",
                        "tangled-app: package cycle com.example.tangled.shop.internal.cart"
                                + " <-> com.example.tangled.shop.internal.pricing"
                                + " (cart.Cart -> pricing.Prices; pricing.Prices -> cart.Cart)");
    }
}
