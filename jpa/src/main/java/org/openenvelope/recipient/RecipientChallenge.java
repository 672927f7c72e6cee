package org.openenvelope.recipient;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;

/**
 * A secret mailed to an address (a one-time code, a registration or reset link): only its SHA-256 digest is kept,
 * it works once, until it expires, and a code dies after a few wrong guesses so that its small space cannot be
 * searched online.
 */
@Entity
@Table(name = "recipient_challenge")
@NamedQuery(name = RecipientChallenge.BY_DIGEST, query = "select c from RecipientChallenge c where c.secretDigest = :digest")
@NamedQuery(name = RecipientChallenge.OPEN_FOR, query = "select c from RecipientChallenge c where c.address = :address"
        + " and c.purpose = :purpose and c.consumedAt is null and c.expiresAt > :now order by c.createdAt desc")
@NamedQuery(name = RecipientChallenge.DELETE_ENDED_BEFORE, query = "delete from RecipientChallenge c where c.expiresAt < :before")
public class RecipientChallenge {

    public static final String BY_DIGEST = "RecipientChallenge.byDigest";
    public static final String OPEN_FOR = "RecipientChallenge.openFor";
    public static final String DELETE_ENDED_BEFORE = "RecipientChallenge.deleteEndedBefore";
    /** Wrong guesses a code survives. */
    public static final int MAX_FAILED_ATTEMPTS = 5;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "recipient_challenge_id")
    @SequenceGenerator(name = "recipient_challenge_id", sequenceName = "recipient_challenge_id_seq", allocationSize = 50)
    private Long id;

    @Column(name = "secret_digest", nullable = false, updatable = false, length = 64)
    private String secretDigest;

    @Enumerated(EnumType.STRING)
    @Column(name = "purpose", nullable = false, updatable = false, length = 16)
    private ChallengePurpose purpose;

    @Column(name = "address", nullable = false, updatable = false, length = 254)
    private String address;

    /** The envelope the recipient was opening, to lead them back to it. */
    @Column(name = "envelope_public_id", updatable = false, length = 32)
    private String envelopeId;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false, updatable = false)
    private Instant expiresAt;

    @Column(name = "consumed_at")
    private Instant consumedAt;

    @Column(name = "failed_attempts", nullable = false)
    private int failedAttempts;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected RecipientChallenge() {
    }

    public RecipientChallenge(String secretDigest, ChallengePurpose purpose, String address, String envelopeId, Instant now) {
        this.secretDigest = Objects.requireNonNull(secretDigest);
        this.purpose = Objects.requireNonNull(purpose);
        this.address = Objects.requireNonNull(address);
        this.envelopeId = envelopeId;
        this.createdAt = now;
        this.expiresAt = now.plus(purpose.validity());
    }

    public boolean isUsableAt(Instant now) {
        return consumedAt == null && now.isBefore(expiresAt) && failedAttempts < MAX_FAILED_ATTEMPTS;
    }

    /** Uses the secret up; it opens nothing again. */
    public void consume(Instant now) {
        if (!isUsableAt(now)) {
            throw new IllegalStateException("challenge is not usable");
        }
        consumedAt = now;
    }

    /** A wrong guess at this code; after {@link #MAX_FAILED_ATTEMPTS} the code is dead. */
    public void recordFailedAttempt() {
        failedAttempts++;
    }

    public String getSecretDigest() {
        return secretDigest;
    }

    public ChallengePurpose getPurpose() {
        return purpose;
    }

    public String getAddress() {
        return address;
    }

    public String getEnvelopeId() {
        return envelopeId;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }

    public Instant getConsumedAt() {
        return consumedAt;
    }

    public int getFailedAttempts() {
        return failedAttempts;
    }
}
