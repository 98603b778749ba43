package dev.perfplatform.fluxpay;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** SHA-256 digests (API keys at rest, request fingerprints). */
public final class Sha256 {

    private Sha256() {}

    public static byte[] of(byte[] input) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(input);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
