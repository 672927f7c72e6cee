package org.openenvelope.security;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.security.SecureRandom;
import java.util.Map;

/**
 * Administrator passwords are stored as PBKDF2-HMAC-SHA512 with 210,000 iterations and a 32-byte salt (OWASP's
 * 2023 recommendation), using Jakarta Security's own hash. The parameters are part of each stored hash, so
 * raising them later keeps old hashes verifiable.
 */
@ApplicationScoped
public class PasswordHasher {

    private static final String GENERATED_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final int GENERATED_LENGTH = 20;
    private final SecureRandom random = new SecureRandom();

    @Inject
    Pbkdf2PasswordHash pbkdf2;

    /** Verifying against this keeps an unknown email as slow as a wrong password: no timing oracle. */
    private String decoy;

    @PostConstruct
    void configure() {
        pbkdf2.initialize(Map.of(
                "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA512",
                "Pbkdf2PasswordHash.Iterations", "210000",
                "Pbkdf2PasswordHash.SaltSizeBytes", "32",
                "Pbkdf2PasswordHash.KeySizeBytes", "32"));
        decoy = pbkdf2.generate(generate().toCharArray());
    }

    public String hash(char[] password) {
        return pbkdf2.generate(password);
    }

    public boolean verify(char[] password, String storedHash) {
        return pbkdf2.verify(password, storedHash);
    }

    public void burnDecoyVerification(char[] password) {
        pbkdf2.verify(password, decoy);
    }

    /** A random password for a first sign-in: 20 characters without look-alikes (about 116 bits). */
    public String generate() {
        StringBuilder password = new StringBuilder(GENERATED_LENGTH);
        for (int i = 0; i < GENERATED_LENGTH; i++) {
            password.append(GENERATED_ALPHABET.charAt(random.nextInt(GENERATED_ALPHABET.length())));
        }
        return password.toString();
    }
}
