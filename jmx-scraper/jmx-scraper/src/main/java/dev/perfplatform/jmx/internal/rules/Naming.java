package dev.perfplatform.jmx.internal.rules;

import java.util.Locale;

/** jmx_exporter 1.0.1's name handling, and the client_java 1.3.1 naming rules it writes through. */
final class Naming {

    private static final String[] RESERVED_SUFFIXES = {"_total", "_created", "_bucket", "_info"};

    private Naming() {}

    /**
     * jmx_exporter's {@code safeName}: every character outside {@code [a-zA-Z0-9:_]} becomes {@code _}, runs of
     * {@code _} collapse to one, and a leading digit gets a {@code _} in front.
     */
    static String safeName(String name) {
        StringBuilder safe = new StringBuilder(name.length() + 1);
        if (!name.isEmpty() && Character.isDigit(name.charAt(0))) {
            safe.append('_');
        }
        boolean previousUnderscore = false;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '_' || !isLegal(c)) {
                if (!previousUnderscore) {
                    safe.append('_');
                    previousUnderscore = true;
                }
            } else {
                safe.append(c);
                previousUnderscore = false;
            }
        }
        return safe.toString();
    }

    private static boolean isLegal(char c) {
        return c == ':' || c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    /** jmx_exporter's {@code toSnakeAndLowerCase} for {@code attrNameSnakeCase: true}. */
    static String snakeCase(String attrName) {
        if (attrName.isEmpty()) {
            return attrName;
        }
        char first = attrName.charAt(0);
        boolean previousUpperOrUnderscore = Character.isUpperCase(first) || first == '_';
        StringBuilder result = new StringBuilder(attrName.length() + 4).append(Character.toLowerCase(first));
        for (int i = 1; i < attrName.length(); i++) {
            char c = attrName.charAt(i);
            boolean upper = Character.isUpperCase(c);
            if (!previousUpperOrUnderscore && upper) {
                result.append('_');
            }
            result.append(Character.toLowerCase(c));
            previousUpperOrUnderscore = upper || c == '_';
        }
        return result.toString();
    }

    /** {@code String.toLowerCase()} as jmx_exporter calls it (default locale), for lowercaseOutput*. */
    @SuppressWarnings("StringCaseLocaleUsage") // jmx_exporter 1.0.1 lowercases with the default locale
    static String lowercase(String name) {
        return name.toLowerCase(Locale.getDefault());
    }

    /**
     * client_java 1.3.1's {@code sanitizeMetricName}, which jmx_exporter 1.0.1 applies to every rule's output:
     * illegal characters become {@code _} and the reserved suffixes {@code _total}, {@code _created},
     * {@code _bucket} and {@code _info} are stripped, repeatedly. A counter's samples get {@code _total} back
     * when written; a gauge named {@code x_total} is written as {@code x}.
     */
    static String metricFamilyName(String name) {
        StringBuilder sanitized = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean legal = c == ':'
                    || c == '.'
                    || (c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (i > 0 && c >= '0' && c <= '9');
            sanitized.append(legal ? c : '_');
        }
        String result = sanitized.toString();
        boolean modified = true;
        while (modified) {
            modified = false;
            for (String suffix : RESERVED_SUFFIXES) {
                if (result.equals(suffix)) {
                    return suffix.substring(1);
                }
                if (result.endsWith(suffix)) {
                    result = result.substring(0, result.length() - suffix.length());
                    modified = true;
                }
            }
        }
        return result;
    }

    /** client_java 1.3.1's label-name check (jmx_exporter 1.0.1 fails the whole scrape on a name it rejects). */
    static boolean isValidLabelName(String name) {
        if (name.isEmpty() || name.startsWith("__")) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
            if (!letter && !(i > 0 && c >= '0' && c <= '9')) {
                return false;
            }
        }
        return true;
    }
}
