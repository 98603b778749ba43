package dev.perfplatform.jmx.config;

/** A configuration the scraper cannot use; the message reads {@code <file>:<line>: <key>: <what is wrong>}. */
public final class ConfigException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String source;
    private final int line;
    private final String key;

    /**
     * @param source the file (or other source) name
     * @param line the offending key's line, 1-based (0 when the file itself is wrong)
     * @param key the offending key's path, for example {@code rules[2].pattern}
     * @param problem what is wrong
     * @param cause the underlying error, or null
     */
    public ConfigException(
            String source, int line, String key, String problem, @org.jspecify.annotations.Nullable Throwable cause) {
        super(source + ":" + line + ": " + key + ": " + problem, cause);
        this.source = source;
        this.line = line;
        this.key = key;
    }

    /** The file (or other source) name. */
    public String source() {
        return source;
    }

    /** The offending key's line, 1-based. */
    public int line() {
        return line;
    }

    /** The offending key's path. */
    public String key() {
        return key;
    }
}
