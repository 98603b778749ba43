package dev.perfplatform.jmx.model;

import java.util.Objects;

/**
 * One series' value on a page.
 *
 * @param labels the series' labels
 * @param value the value (NaN and infinities allowed)
 */
public record Sample(Labels labels, double value) {

    public Sample {
        Objects.requireNonNull(labels, "labels");
    }
}
