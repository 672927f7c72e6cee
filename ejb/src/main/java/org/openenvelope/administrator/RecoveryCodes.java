package org.openenvelope.administrator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * Recovery codes: ten codes of ten characters from an alphabet without look-alikes (50 random bits each), shown
 * once, stored as SHA-256 digests (their randomness, not a slow hash, is what makes guessing them hopeless).
 */
public final class RecoveryCodes {

    public static final int COUNT = 10;
    private static final String ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";
    private static final int LENGTH = 10;
    private static final SecureRandom RANDOM = new SecureRandom();

    private RecoveryCodes() {
    }

    /** Fresh codes, written {@code xxxxx-xxxxx}. */
    public static List<String> generate() {
        return IntStream.range(0, COUNT).mapToObj(i -> {
            StringBuilder code = new StringBuilder();
            for (int c = 0; c < LENGTH; c++) {
                if (c == LENGTH / 2) {
                    code.append('-');
                }
                code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
            }
            return code.toString();
        }).toList();
    }

    /** Whether what was typed has the shape of a recovery code (rather than of an authenticator code). */
    public static boolean looksLikeOne(String typed) {
        return normalised(typed).length() == LENGTH;
    }

    /** The digest of a code as typed: case, spaces and dashes do not matter. */
    public static String digest(String typed) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(normalised(typed).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    private static String normalised(String typed) {
        return typed == null ? "" : typed.replaceAll("[\\s-]", "").toLowerCase(Locale.ROOT);
    }
}
