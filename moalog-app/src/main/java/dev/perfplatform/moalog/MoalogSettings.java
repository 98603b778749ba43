package dev.perfplatform.moalog;

import java.time.ZoneId;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The service-wide settings ({@code moalog.*}).
 *
 * @param zone the zone the API's {@code YYYY-MM-DD} dates and {@code HH:mm} times are read and written in
 *     ({@code MOALOG_ZONE}, {@code Asia/Seoul} by default); instants are stored in UTC
 * @param allowedOrigins the browser origins allowed to call the API with credentials ({@code ALLOWED_ORIGINS}); a
 *     cookie-authenticated unsafe request from any other origin is refused
 */
@ConfigurationProperties("moalog")
public record MoalogSettings(ZoneId zone, List<String> allowedOrigins) {

    public MoalogSettings {
        allowedOrigins = allowedOrigins.stream()
                .map(String::strip)
                .filter(origin -> !origin.isEmpty())
                .toList();
    }
}
