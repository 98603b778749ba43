package dev.perfplatform.jmx.config;

/**
 * A key the scraper accepts but ignores or reads differently from what its author may expect.
 *
 * @param source the file (or other source) name
 * @param line the key's line, 1-based
 * @param key the key's path, for example {@code rules[2].type}
 * @param message what is ignored or changed
 */
public record ConfigWarning(String source, int line, String key, String message) {

    @Override
    public String toString() {
        return source + ":" + line + ": " + key + ": " + message;
    }
}
