package dev.perfplatform.testing.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The spellings of a path that a check on the raw path string misses but routing may still match: they must never
 * reach a protected handler without its credentials.
 */
public final class PathTricks {

    private PathTricks() {}

    /**
     * For {@code /admin/v1/merchants}: {@code /%61dmin/v1/merchants} (a percent-encoded letter),
     * {@code /admin;x=1/v1/merchants} (a matrix parameter), {@code /admin%2Fv1/merchants} (an encoded slash),
     * {@code //admin/v1/merchants}, {@code /admin/v1/merchants/} and {@code /ADMIN/v1/merchants}.
     */
    public static List<String> of(String path) {
        if (!path.startsWith("/") || path.length() < 2) {
            throw new IllegalArgumentException("path must start with / and name a segment: " + path);
        }
        int secondSlash = path.indexOf('/', 1);
        String first = secondSlash < 0 ? path.substring(1) : path.substring(1, secondSlash);
        String rest = secondSlash < 0 ? "" : path.substring(secondSlash);
        List<String> tricks = new ArrayList<>();
        tricks.add("/%" + Integer.toHexString(first.charAt(0)) + first.substring(1) + rest);
        tricks.add("/" + first + ";x=1" + rest);
        if (!rest.isEmpty()) {
            tricks.add("/" + first + "%2F" + rest.substring(1));
        }
        tricks.add("/" + path);
        tricks.add(path + "/");
        tricks.add("/" + first.toUpperCase(Locale.ROOT) + rest);
        return List.copyOf(tricks);
    }
}
