package dev.perfplatform.fluxpay.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import dev.perfplatform.fluxpay.Sha256;
import dev.perfplatform.fluxpay.api.RenderedResponse;
import dev.perfplatform.fluxpay.idempotency.IdempotencyRecords.Existing;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * Every branch of the claim, at the boundaries the SQL draws: leased while {@code locked_until > now}, expired once
 * {@code created_at < now - retention}.
 */
class ClaimDecisionTests {

    private static final String ENDPOINT = "POST /orders";
    private static final byte[] FINGERPRINT = fingerprint("a");
    private static final Instant NOW = Instant.parse("2026-12-07T12:00:00.123456Z");
    private static final Duration RETENTION = Duration.ofHours(24);
    private static final Duration LEASE = Duration.ofSeconds(30);
    private static final RenderedResponse ANSWER = new RenderedResponse(201, "{}".getBytes(StandardCharsets.UTF_8));

    @Test
    void aKeyWithoutARecordIsFresh() {
        assertThat(decide(null)).isEqualTo(ClaimDecision.FRESH);
    }

    @Test
    void aCompletedRecordOfTheSameRequestIsReplayed() {
        assertThat(decide(completed(NOW.minusSeconds(5)))).isEqualTo(ClaimDecision.REPLAY);
    }

    @Test
    void aRecordOfAnotherEndpointIsAMismatch() {
        Existing other = new Existing("POST /payments", FINGERPRINT, ANSWER, NOW.minusSeconds(5), null);

        assertThat(decide(other)).isEqualTo(ClaimDecision.MISMATCH);
    }

    @Test
    void aRecordOfAnotherBodyIsAMismatch() {
        Existing other = new Existing(ENDPOINT, fingerprint("b"), ANSWER, NOW.minusSeconds(5), null);

        assertThat(decide(other)).isEqualTo(ClaimDecision.MISMATCH);
    }

    @Test
    void anotherBodyIsAMismatchEvenWhileItsRecordIsLeased() {
        Existing running = new Existing(ENDPOINT, fingerprint("b"), null, NOW.minusSeconds(5), NOW.plus(LEASE));

        assertThat(decide(running)).isEqualTo(ClaimDecision.MISMATCH);
    }

    @Test
    void anUnfinishedRecordWhoseLeaseRunsPastNowIsInFlight() {
        assertThat(decide(unfinished(NOW.plus(LEASE)))).isEqualTo(ClaimDecision.IN_FLIGHT);
    }

    @Test
    void aLeaseEndingOneMicrosecondAfterNowIsStillInFlight() {
        assertThat(decide(unfinished(NOW.plusNanos(1_000)))).isEqualTo(ClaimDecision.IN_FLIGHT);
    }

    @Test
    void aLeaseEndingExactlyNowCanBeTakenOver() {
        assertThat(decide(unfinished(NOW))).isEqualTo(ClaimDecision.TAKE_OVER);
    }

    @Test
    void anUnfinishedRecordWhoseLeaseRanOutCanBeTakenOver() {
        assertThat(decide(unfinished(NOW.minusSeconds(1)))).isEqualTo(ClaimDecision.TAKE_OVER);
    }

    @Test
    void aCompletedRecordHasNoLeaseAndIsReplayed() {
        Existing completed = completed(NOW.minusSeconds(5));

        assertThat(completed.lockedUntil()).isNull();
        assertThat(decide(completed)).isEqualTo(ClaimDecision.REPLAY);
    }

    @Test
    void aRecordOlderThanTheRetentionHasExpired() {
        assertThat(decide(completed(NOW.minus(RETENTION).minusNanos(1_000)))).isEqualTo(ClaimDecision.EXPIRED);
    }

    @Test
    void aRecordExactlyAsOldAsTheRetentionHasNotExpired() {
        assertThat(decide(completed(NOW.minus(RETENTION)))).isEqualTo(ClaimDecision.REPLAY);
    }

    @Test
    void anExpiredRecordStartsAfreshWhateverItHolds() {
        Instant old = NOW.minus(RETENTION).minusSeconds(1);

        assertThat(decide(new Existing("POST /payments", fingerprint("b"), ANSWER, old, null)))
                .isEqualTo(ClaimDecision.EXPIRED);
        assertThat(decide(new Existing(ENDPOINT, FINGERPRINT, null, old, NOW.plus(LEASE))))
                .isEqualTo(ClaimDecision.EXPIRED);
    }

    @Test
    void theRetentionIsAnInput() {
        Existing anHourOld = completed(NOW.minus(Duration.ofHours(1)));

        assertThat(ClaimDecision.decide(anHourOld, ENDPOINT, FINGERPRINT, NOW, Duration.ofMinutes(59)))
                .isEqualTo(ClaimDecision.EXPIRED);
        assertThat(ClaimDecision.decide(anHourOld, ENDPOINT, FINGERPRINT, NOW, Duration.ofHours(1)))
                .isEqualTo(ClaimDecision.REPLAY);
    }

    @Test
    void theStoredAnswerOfAReplayIsTheRecords() {
        IdempotencyRecords.Lookup found = new IdempotencyRecords.Lookup(completed(NOW.minusSeconds(5)), NOW);

        assertThat(found.storedAnswer()).isSameAs(ANSWER);
    }

    private static ClaimDecision decide(@Nullable Existing existing) {
        return ClaimDecision.decide(existing, ENDPOINT, fingerprint("a"), NOW, RETENTION);
    }

    private static Existing completed(Instant createdAt) {
        return new Existing(ENDPOINT, FINGERPRINT, ANSWER, createdAt, null);
    }

    private static Existing unfinished(Instant lockedUntil) {
        return new Existing(ENDPOINT, FINGERPRINT, null, NOW.minusSeconds(60), lockedUntil);
    }

    private static byte[] fingerprint(String body) {
        return Sha256.of(body.getBytes(StandardCharsets.UTF_8));
    }
}
