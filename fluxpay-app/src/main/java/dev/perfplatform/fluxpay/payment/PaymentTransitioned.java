package dev.perfplatform.fluxpay.payment;

import java.util.UUID;

/**
 * A payment moved to {@code to}: published in the transaction that moved it, and heard by listeners once that commits
 * ({@code @TransactionalEventListener}), so a move that is rolled back is heard by no one.
 */
record PaymentTransitioned(UUID paymentId, PaymentStatus to) {}
