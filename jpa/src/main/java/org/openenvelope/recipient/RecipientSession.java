package org.openenvelope.recipient;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/**
 * A recipient's signed-in session in the envelope viewer: the address it proved and how. Kept in the database so
 * every node sees it and a password reset can end it; the browser holds a random key, this row only its digest.
 */
@Entity
@Table(name = "recipient_session")
@NamedQuery(name = RecipientSession.ACTIVE_FOR, query = "select s from RecipientSession s where s.address = :address"
        + " and s.endedAt is null and s.expiresAt > :now")
@NamedQuery(name = RecipientSession.DELETE_ENDED_BEFORE, query = "delete from RecipientSession s where s.expiresAt < :before")
public class RecipientSession {

    public static final String ACTIVE_FOR = "RecipientSession.activeFor";
    public static final String DELETE_ENDED_BEFORE = "RecipientSession.deleteEndedBefore";

    /** How the recipient proved the address. */
    public enum Method { CODE, PASSWORD, SSO }

    @Id
    @Column(name = "session_key", length = 64)
    private String sessionKeyDigest;

    @Column(name = "address", nullable = false, updatable = false, length = 254)
    private String address;

    @Enumerated(EnumType.STRING)
    @Column(name = "method", nullable = false, updatable = false, length = 16)
    private Method method;

    @Column(name = "started_at", nullable = false, updatable = false)
    private Instant startedAt;

    @Column(name = "expires_at", nullable = false, updatable = false)
    private Instant expiresAt;

    @Column(name = "ended_at")
    private Instant endedAt;

    protected RecipientSession() {
    }

    public RecipientSession(String sessionKeyDigest, String address, Method method, Instant startedAt, Instant expiresAt) {
        this.sessionKeyDigest = Objects.requireNonNull(sessionKeyDigest);
        this.address = Objects.requireNonNull(address);
        this.method = Objects.requireNonNull(method);
        this.startedAt = startedAt;
        this.expiresAt = expiresAt;
    }

    public boolean isActiveAt(Instant now) {
        return endedAt == null && now.isBefore(expiresAt);
    }

    public void end(Instant now) {
        if (endedAt == null) {
            endedAt = now;
        }
    }

    public String getAddress() {
        return address;
    }

    public Method getMethod() {
        return method;
    }

    public Instant getStartedAt() {
        return startedAt;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }
}
