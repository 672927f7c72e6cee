package org.openenvelope.saml;

import java.security.SecureRandom;
import java.util.HexFormat;

/** Message and request ids: 160 random bits, so they cannot be guessed to pre-empt a response. */
public final class IdentifierGenerator {

    private static final SecureRandom RANDOM = new SecureRandom();

    private IdentifierGenerator() {
    }

    /** 40 hex digits; prefix with "_" where an xs:ID is needed (it must not start with a digit). */
    public static String next() {
        byte[] bytes = new byte[20];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
