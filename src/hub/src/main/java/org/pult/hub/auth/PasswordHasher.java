package org.pult.hub.auth;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Salted PBKDF2-HMAC-SHA256 password hashes, stored as
 * {@code pbkdf2-sha256$<iterations>$<salt base64>$<hash base64>}. The iteration count travels
 * with each hash so it can be raised later without breaking the stored ones.
 */
public final class PasswordHasher {

    /** OWASP's recommendation for PBKDF2-HMAC-SHA256 (Password Storage Cheat Sheet, 2023). */
    public static final int DEFAULT_ITERATIONS = 600_000;

    private static final String SCHEME = "pbkdf2-sha256";
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;

    private final SecureRandom random;
    private final int iterations;
    /**
     * Verified against when the user does not exist, so an unknown name costs the same PBKDF2 work
     * as a wrong password and response time does not reveal which names exist.
     */
    private final String decoy;

    public PasswordHasher(SecureRandom random) {
        this(random, DEFAULT_ITERATIONS);
    }

    PasswordHasher(SecureRandom random, int iterations) {
        this.random = random;
        this.iterations = iterations;
        this.decoy = format(iterations, randomBytes(SALT_BYTES), randomBytes(HASH_BYTES));
    }

    public String hash(char[] password) {
        byte[] salt = randomBytes(SALT_BYTES);
        return format(iterations, salt, derive(password, salt, iterations));
    }

    /** True if {@code password} matches {@code stored}; compares in constant time. */
    public boolean verify(char[] password, String stored) {
        String[] parts = stored.split("\\$");
        if (parts.length != 4 || !SCHEME.equals(parts[0])) {
            throw new IllegalArgumentException("Not a " + SCHEME + " hash");
        }
        int storedIterations = Integer.parseInt(parts[1]);
        byte[] salt = Base64.getDecoder().decode(parts[2]);
        byte[] expected = Base64.getDecoder().decode(parts[3]);
        return MessageDigest.isEqual(expected, derive(password, salt, storedIterations));
    }

    /** Spends the same work as {@link #verify} for a user that does not exist; always false. */
    public boolean verifyAgainstDecoy(char[] password) {
        verify(password, decoy);
        return false;
    }

    private static byte[] derive(char[] password, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, HASH_BYTES * 8);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is not available in this JDK", e);
        } finally {
            spec.clearPassword();
        }
    }

    private static String format(int iterations, byte[] salt, byte[] hash) {
        Base64.Encoder base64 = Base64.getEncoder().withoutPadding();
        return SCHEME + "$" + iterations + "$" + base64.encodeToString(salt) + "$" + base64.encodeToString(hash);
    }

    private byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        random.nextBytes(bytes);
        return bytes;
    }

    @Override
    public String toString() {
        return "PasswordHasher[" + SCHEME + ", iterations=" + iterations + "]";
    }
}
