package org.openenvelope.envelope;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/** One addressee of an envelope (its address kept in lower case: addresses are matched case-insensitively). */
@Entity
@Table(name = "envelope_recipient")
public class EnvelopeRecipient {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "envelope_recipient_id")
    @SequenceGenerator(name = "envelope_recipient_id", sequenceName = "envelope_recipient_id_seq", allocationSize = 50)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "envelope_id", nullable = false, updatable = false)
    private Envelope envelope;

    @Column(name = "position", nullable = false, updatable = false)
    private int position;

    @Column(name = "address", nullable = false, updatable = false, length = 254)
    private String address;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", nullable = false, updatable = false, length = 3)
    private RecipientKind kind;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    @Column(name = "first_opened_at")
    private Instant firstOpenedAt;

    protected EnvelopeRecipient() {
    }

    EnvelopeRecipient(Envelope envelope, int position, String address, RecipientKind kind) {
        this.envelope = Objects.requireNonNull(envelope);
        this.position = position;
        this.address = Objects.requireNonNull(address);
        this.kind = Objects.requireNonNull(kind);
    }

    public String getAddress() {
        return address;
    }

    public RecipientKind getKind() {
        return kind;
    }

    public Instant getRevokedAt() {
        return revokedAt;
    }

    public Instant getFirstOpenedAt() {
        return firstOpenedAt;
    }

    public boolean isRevoked() {
        return revokedAt != null;
    }

    void revoke(Instant now) {
        if (revokedAt == null) {
            revokedAt = now;
        }
    }

    /** @return whether this was the recipient's first opening (a read receipt is due) */
    boolean opened(Instant now) {
        if (firstOpenedAt != null) {
            return false;
        }
        firstOpenedAt = now;
        return true;
    }
}
