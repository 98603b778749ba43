package dev.perfplatform.moalog.api;

import dev.perfplatform.moalog.MoalogSettings;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.springframework.stereotype.Component;

/**
 * The API's dates and times, as the original service shows them: instants are stored in UTC and written in the
 * service's zone ({@code moalog.zone}, {@code Asia/Seoul} by default) as {@code yyyy-MM-dd'T'HH:mm:ss}, dates as
 * {@code yyyy-MM-dd} and times as {@code HH:mm}; dates and times the caller sends are read in that zone.
 */
@Component
public class ApiTimes {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final ZoneId zone;

    public ApiTimes(MoalogSettings settings) {
        this.zone = settings.zone();
    }

    public ZoneId zone() {
        return zone;
    }

    /** {@code 2026-03-01T14:30:00} in the service's zone. */
    public String dateTime(Instant instant) {
        return DATE_TIME.format(instant.atZone(zone));
    }

    /** {@code 2026-03-01} in the service's zone. */
    public String date(Instant instant) {
        return instant.atZone(zone).toLocalDate().toString();
    }

    /** {@code 14:30} in the service's zone. */
    public String time(Instant instant) {
        return TIME.format(instant.atZone(zone));
    }

    /** The instant of a date and time in the service's zone. */
    public Instant instant(LocalDate date, LocalTime time) {
        return date.atTime(time).atZone(zone).toInstant();
    }
}
