package org.openenvelope.token;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The secret of an API token: {@code oe_} followed by 256 random bits in base64url. Because the secret has full
 * entropy, a single SHA-256 is a safe verifier (no dictionary to attack) and lets a presented token be looked up
 * by its digest with one indexed query instead of a slow hash per stored token.
 */
public final class TokenSecret {

    public static final String PREFIX = "oe_";
    private static final Pattern FORMAT = Pattern.compile("oe_[A-Za-z0-9_-]{43}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String value;

    private TokenSecret(String value) {
        this.value = value;
    }

    public static TokenSecret generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return new TokenSecret(PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    /** A presented bearer value, if it has the shape of one of our secrets. */
    public static Optional<TokenSecret> presented(String candidate) {
        return candidate != null && FORMAT.matcher(candidate).matches()
                ? Optional.of(new TokenSecret(candidate))
                : Optional.empty();
    }

    /** The value to show once to its creator; never store or log it. */
    public String reveal() {
        return value;
    }

    public String hash() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** Enough of the secret to tell tokens apart in a list, far too little to guess the rest. */
    public String prefix() {
        return value.substring(0, PREFIX.length() + 6);
    }

    @Override
    public String toString() {
        return prefix() + "…";
    }
}
