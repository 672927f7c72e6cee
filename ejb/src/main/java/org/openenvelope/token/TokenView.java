package org.openenvelope.token;

import java.io.Serializable;
import java.time.Instant;

/** A token as the Tokens tab lists it: never the secret, only its first characters. */
public record TokenView(long id, String name, String prefix, String createdBy, Instant createdAt,
                        Instant lastUsedAt, Instant revokedAt, String revokedBy, Instant expiresAt, boolean readOnly) implements Serializable {

    static TokenView of(ApiToken token) {
        return new TokenView(token.getId(), token.getName(), token.getSecretPrefix(), token.getCreatedBy(),
                token.getCreatedAt(), token.getLastUsedAt(), token.getRevokedAt(), token.getRevokedBy(),
                token.getExpiresAt(), token.isReadOnly());
    }

    public boolean expired() {
        return expiresAt != null && !java.time.Instant.now().isBefore(expiresAt);
    }

    public boolean revoked() {
        return revokedAt != null;
    }
}
