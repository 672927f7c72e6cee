package org.openenvelope.administrator;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Locale;
import java.util.OptionalLong;
import javax.crypto.spec.SecretKeySpec;
import org.apache.commons.codec.binary.Base32;

/**
 * Authenticator app codes (TOTP, RFC 6238, as every authenticator app reads them from an {@code otpauth://} QR
 * code): HMAC-SHA1, 30-second steps, six digits, a 160-bit secret. A code of the step before or after the
 * server's clock is accepted too, for clocks that drift and people who type slowly.
 */
public final class AuthenticatorCodes {

    static final int SECRET_BYTES = 20;
    private static final String ISSUER = "OpenEnvelope";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final TimeBasedOneTimePasswordGenerator TOTP = new TimeBasedOneTimePasswordGenerator();
    private static final long STEP_SECONDS = TimeBasedOneTimePasswordGenerator.DEFAULT_TIME_STEP.toSeconds();

    private AuthenticatorCodes() {
    }

    public static byte[] newSecret() {
        byte[] secret = new byte[SECRET_BYTES];
        RANDOM.nextBytes(secret);
        return secret;
    }

    /** The secret as people type it into an app that cannot scan: Base32, in groups of four. */
    public static String typed(byte[] secret) {
        String plain = new Base32().encodeToString(secret).replace("=", "");
        return plain.replaceAll("(.{4})(?!$)", "$1 ");
    }

    public static byte[] fromTyped(String typed) {
        return new Base32().decode(typed.replace(" ", "").toUpperCase(Locale.ROOT));
    }

    /** The key URI an authenticator app scans; the label names the service and the administrator's address. */
    public static String keyUri(byte[] secret, String email) {
        String label = URLEncoder.encode(ISSUER + ":" + email, StandardCharsets.UTF_8).replace("+", "%20");
        return "otpauth://totp/" + label + "?secret=" + typed(secret).replace(" ", "") + "&issuer=" + ISSUER
                + "&algorithm=SHA1&digits=6&period=" + STEP_SECONDS;
    }

    /**
     * The time step whose code {@code code} is, among the step of {@code now} and those next to it.
     *
     * @return empty for anything but six digits, or a code of none of those steps
     */
    public static OptionalLong matchingStep(byte[] secret, String code, Instant now) {
        String typed = code == null ? "" : code.replaceAll("[\\s-]", "");
        if (!typed.matches("\\d{6}")) {
            return OptionalLong.empty();
        }
        long current = now.getEpochSecond() / STEP_SECONDS;
        OptionalLong found = OptionalLong.empty();
        // every candidate compared, in constant time
        for (long step = current - 1; step <= current + 1; step++) {
            if (MessageDigest.isEqual(codeOf(secret, step).getBytes(StandardCharsets.US_ASCII),
                    typed.getBytes(StandardCharsets.US_ASCII)) && found.isEmpty()) {
                found = OptionalLong.of(step);
            }
        }
        return found;
    }

    /** The code an app shows during {@code step}; tests use it in the role of the app. */
    public static String codeOf(byte[] secret, long step) {
        try {
            return TOTP.generateOneTimePasswordString(new SecretKeySpec(secret, "HmacSHA1"),
                    Instant.ofEpochSecond(step * STEP_SECONDS), Locale.ROOT);
        } catch (InvalidKeyException e) {
            throw new IllegalStateException("An HMAC-SHA1 key of " + secret.length + " bytes was refused", e);
        }
    }

    public static long stepAt(Instant now) {
        return now.getEpochSecond() / STEP_SECONDS;
    }
}
