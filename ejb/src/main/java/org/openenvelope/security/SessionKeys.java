package org.openenvelope.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Keys of sessions the database keeps (user portal, Outlook add-in): 256 random bits handed to the client as 64 hex
 * digits; the database holds only their SHA-256 digest, so a leaked table opens no session.
 */
public final class SessionKeys {

    public static final int LENGTH = 64;
    private static final SecureRandom RANDOM = new SecureRandom();

    private SessionKeys() {
    }

    public static String generate() {
        byte[] key = new byte[LENGTH / 2];
        RANDOM.nextBytes(key);
        return HexFormat.of().formatHex(key);
    }

    /** Whether a presented value can be a key at all, before any lookup. */
    public static boolean wellFormed(String presented) {
        return presented != null && presented.length() == LENGTH
                && presented.chars().allMatch(c -> c >= '0' && c <= '9' || c >= 'a' && c <= 'f');
    }

    public static String digest(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(key.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
