package dev.perfplatform.moalog.room;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Invite codes {@code INV-XXXX-XXXX}: eight characters of an alphabet without look-alikes (no 0/O, 1/I/L), about 40
 * bits, from a secure random source, so a code cannot be guessed the way the original's two 4-digit numbers could.
 * A join accepts the code itself, a link that contains it, or a link with {@code code=} in its query; codes are read
 * case-insensitively. A code is valid {@value #VALID_DAYS} days from when it was made.
 */
final class InviteCodes {

    static final int VALID_DAYS = 7;
    static final Duration VALIDITY = Duration.ofDays(VALID_DAYS);

    private static final String ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    private static final Pattern CODE = Pattern.compile("INV-[A-Z0-9]{4}-[A-Z0-9]{4}");
    private static final int MAX_INPUT = 2048;

    private final SecureRandom random = new SecureRandom();

    String next() {
        StringBuilder code = new StringBuilder("INV-");
        for (int i = 0; i < 8; i++) {
            if (i == 4) {
                code.append('-');
            }
            code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    /** The code in an invite link or given as is; null when there is none. */
    static @Nullable String parse(String invite) {
        if (invite.length() > MAX_INPUT) {
            return null;
        }
        Matcher found = CODE.matcher(invite.strip().toUpperCase(Locale.ROOT));
        return found.find() ? found.group() : null;
    }

    static boolean expired(Instant createdAt, Instant now) {
        return !now.isBefore(createdAt.plus(VALIDITY));
    }
}
