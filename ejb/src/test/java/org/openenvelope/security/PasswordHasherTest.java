package org.openenvelope.security;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import org.glassfish.soteria.identitystores.hash.Pbkdf2PasswordHashImpl;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Runs the hasher on Soteria's PBKDF2, the implementation Payara injects. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PasswordHasherTest {

    private static final String PASSWORD = "correct horse battery staple";

    private final PasswordHasher hasher = new PasswordHasher();
    private String hash;

    @BeforeAll
    void configure() {
        hasher.pbkdf2 = new Pbkdf2PasswordHashImpl();
        hasher.configure();
        hash = hasher.hash(PASSWORD.toCharArray());
    }

    @Test
    void theRightPasswordVerifies() {
        assertTrue(hasher.verify(PASSWORD.toCharArray(), hash));
    }

    @Test
    void aWrongPasswordDoesNotVerify() {
        assertFalse(hasher.verify("correct horse battery stapl".toCharArray(), hash));
        assertFalse(hasher.verify("Correct horse battery staple".toCharArray(), hash));
        assertFalse(hasher.verify(new char[0], hash));
    }

    @Test
    void theSamePasswordHashesDifferentlyEveryTimeBecauseOfTheSalt() {
        String again = hasher.hash(PASSWORD.toCharArray());
        assertNotEquals(hash, again);
        assertTrue(hasher.verify(PASSWORD.toCharArray(), again));
    }

    @Test
    void storesPbkdf2Sha512With210000IterationsAndA32ByteSaltAndKey() {
        String[] parts = hash.split(":");
        assertEquals(4, parts.length, hash);
        assertEquals("PBKDF2WithHmacSHA512", parts[0]);
        assertEquals("210000", parts[1]);
        assertEquals(32, Base64.getDecoder().decode(parts[2]).length, "salt bytes");
        assertEquals(32, Base64.getDecoder().decode(parts[3]).length, "key bytes");
    }

    @Test
    void theHashNeverContainsThePassword() {
        assertFalse(hash.contains(PASSWORD));
        assertFalse(hash.contains(Base64.getEncoder().encodeToString(PASSWORD.getBytes())));
        String generated = hasher.generate();
        assertFalse(hasher.hash(generated.toCharArray()).contains(generated));
    }

    @Test
    void theDecoyVerificationRunsForAnyPassword() {
        assertDoesNotThrow(() -> hasher.burnDecoyVerification(PASSWORD.toCharArray()));
        assertDoesNotThrow(() -> hasher.burnDecoyVerification(new char[0]));
    }

    @Test
    void generatedPasswordsHaveTwentyCharactersWithoutLookAlikes() {
        Set<String> generated = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            String password = hasher.generate();
            assertTrue(password.matches("[A-HJ-NP-Za-km-z2-9]{20}"), password);
            generated.add(password);
        }
        assertEquals(200, generated.size());
    }

    @Test
    void generatedPasswordsSatisfyThePolicy() {
        assertDoesNotThrow(() -> PasswordPolicy.check("password", hasher.generate().toCharArray(), "a@example.com"));
    }
}
