package dev.perfplatform.jmx.bench;

import java.util.List;

/**
 * JVM flags given identically to our server and to every jmx_exporter process of a scenario row.
 *
 * @param name how tables name the row ({@code default flags}, {@code small heap})
 * @param flags the exact flags
 */
record FlagSet(String name, List<String> flags) {

    static final FlagSet DEFAULT = new FlagSet("default flags", List.of());
    static final FlagSet SMALL_HEAP = new FlagSet("small heap", List.of("-Xmx64m"));

    /** The flags as the page prints them. */
    String shown() {
        return flags.isEmpty() ? "no flags (JDK defaults)" : "`" + String.join(" ", flags) + "`";
    }

    /** The name with the flags, for titles. */
    String title() {
        return flags.isEmpty() ? name : name + " " + shown();
    }
}
