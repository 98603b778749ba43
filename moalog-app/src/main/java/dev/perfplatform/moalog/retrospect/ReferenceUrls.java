package dev.perfplatform.moalog.retrospect;

import dev.perfplatform.moalog.api.ApiException;
import dev.perfplatform.moalog.api.ErrorCode;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** A retrospect's reference links: at most 10, each an absolute http(s) URL with a host, at most 2,048 characters, no two alike. */
final class ReferenceUrls {

    static final int MAX_COUNT = 10;
    static final int MAX_LENGTH = 2048;

    private ReferenceUrls() {}

    /** The links, stripped, in order; {@code RETRO4006} naming the first bad one. */
    static List<String> check(@Nullable List<String> urls) {
        if (urls == null) {
            return List.of();
        }
        if (urls.size() > MAX_COUNT) {
            throw new ApiException(ErrorCode.URL_INVALID, "참고 링크는 10개까지입니다.");
        }
        List<String> checked = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String raw : urls) {
            String url = raw.strip();
            if (url.length() > MAX_LENGTH || !isWebUrl(url)) {
                throw new ApiException(ErrorCode.URL_INVALID, "http(s) URL이 아닌 참고 링크가 있습니다: " + abbreviated(url));
            }
            if (!seen.add(url)) {
                throw new ApiException(ErrorCode.URL_INVALID, "중복된 참고 링크가 있습니다: " + abbreviated(url));
            }
            checked.add(url);
        }
        return checked;
    }

    private static boolean isWebUrl(String url) {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static String abbreviated(String url) {
        return url.length() <= 80 ? url : url.substring(0, 80) + "…";
    }
}
