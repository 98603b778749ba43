package dev.perfplatform.payment.client.internal;

import org.jspecify.annotations.Nullable;

/** Removes the API key from any text the client logs or puts in an exception, even when a server echoes it. */
public final class Redactor {

    /** What replaces the secret. */
    public static final String MASK = "[redacted]";

    private final String secret;

    /** A redactor of {@code secret}. */
    public Redactor(String secret) {
        this.secret = Args.text(secret, "secret");
    }

    /** {@code text} with every occurrence of the secret masked. */
    public String redact(String text) {
        return text.replace(secret, MASK);
    }

    /** {@code text} redacted, or null. */
    public @Nullable String redactNullable(@Nullable String text) {
        return text == null ? null : redact(text);
    }
}
