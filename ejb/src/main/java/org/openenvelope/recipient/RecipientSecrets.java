package org.openenvelope.recipient;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.openenvelope.security.SessionKeys;

/**
 * The secrets mailed to recipients: 8-digit one-time codes (typed by a person; the digest binds the code to its
 * address, so a code works for nobody else) and 256-bit link tokens.
 */
final class RecipientSecrets {

    static final int CODE_DIGITS = 8;
    private static final SecureRandom RANDOM = new SecureRandom();

    private RecipientSecrets() {
    }

    static String newCode() {
        return String.format("%0" + CODE_DIGITS + "d", RANDOM.nextInt(100_000_000));
    }

    static String codeDigest(String address, String code) {
        return sha256("code:" + address + ":" + code);
    }

    static String newToken() {
        return SessionKeys.generate();
    }

    static String tokenDigest(String token) {
        return SessionKeys.digest(token);
    }

    /** Whether the text could be a code at all: only digits count, spaces and dashes people type are ignored. */
    static String typedCode(String typed) {
        return typed == null ? "" : typed.replaceAll("[\\s-]", "");
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
