package dev.perfplatform.fluxpay.api;

import java.util.UUID;

/** Ids from paths and parameters: anything that is not a UUID names nothing. */
public final class Ids {

    private Ids() {}

    /** The UUID, or {@code ifInvalid} (a not-found code for a path id, VAL_001 for a parameter). */
    public static UUID parse(String value, ErrorCode ifInvalid) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new ApiException(ifInvalid);
        }
    }
}
