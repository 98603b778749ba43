package dev.perfplatform.fluxpay.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Recovery points keep the codes earlier versions stored, and a code this version does not know fails loudly. */
class RecoveryPointTests {

    @Test
    void storesTheCodesEarlierVersionsWrote() {
        assertThat(RecoveryPoint.STARTED.code()).isEqualTo("started");
        assertThat(RecoveryPoint.PG_CONFIRM_SENT.code()).isEqualTo("pg_confirm_sent");
        assertThat(RecoveryPoint.PG_CANCEL_SENT.code()).isEqualTo("pg_cancel_sent");
    }

    @Test
    void readsEveryPointBackFromItsCode() {
        for (RecoveryPoint point : RecoveryPoint.values()) {
            assertThat(RecoveryPoint.ofCode(point.code())).isEqualTo(point);
        }
    }

    @Test
    void anUnknownCodeFailsNamingIt() {
        assertThatThrownBy(() -> RecoveryPoint.ofCode("pg_capture_sent"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'pg_capture_sent'");
    }

    @Test
    void aMissingCodeIsNotTakenForStarted() {
        assertThatThrownBy(() -> RecoveryPoint.ofCode(null)).isInstanceOf(IllegalStateException.class);
    }
}
