package org.openenvelope.administrator;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Objects;

/** One recovery code of an administrator: the SHA-256 digest of the code (hex), and when it was used, if it was. */
@Embeddable
public class RecoveryCode {

    @Column(name = "code_digest", nullable = false, length = 64)
    private String digest;

    @Column(name = "used_at")
    private Instant usedAt;

    protected RecoveryCode() {
    }

    RecoveryCode(String digest) {
        this.digest = Objects.requireNonNull(digest, "digest");
    }

    /** Constant time: the comparison tells nothing about how much of a guess was right. */
    boolean matches(String candidateDigest) {
        return MessageDigest.isEqual(digest.getBytes(StandardCharsets.US_ASCII),
                candidateDigest.getBytes(StandardCharsets.US_ASCII));
    }

    boolean isUsed() {
        return usedAt != null;
    }

    void use(Instant now) {
        usedAt = now;
    }
}
