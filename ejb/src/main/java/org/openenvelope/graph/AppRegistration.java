package org.openenvelope.graph;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * An account's Entra ID app registration as Graph calls need it. The secret is held only for the call; it is never
 * part of {@link #toString()}, and the token cache keys on its digest, not on the secret.
 */
public record AppRegistration(String tenantId, String clientId, String clientSecret) {

    /** Who this registration is in the token cache: a changed secret is a new entry. */
    String cacheKey() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(clientSecret.getBytes(StandardCharsets.UTF_8));
            return tenantId + "/" + clientId + "/" + HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return "AppRegistration[tenantId=" + tenantId + ", clientId=" + clientId + ", clientSecret=(hidden)]";
    }
}
