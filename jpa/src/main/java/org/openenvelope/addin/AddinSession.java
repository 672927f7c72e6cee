package org.openenvelope.addin;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import org.openenvelope.account.AuthenticationMethod;
import org.openenvelope.user.AccountUser;

/**
 * A sender signed in to the Outlook add-in for one mailbox. The add-in keeps a random bearer token for as long as
 * the domain's "remember password" days allow (the password itself never leaves the sign-in request); only the
 * token's SHA-256 digest is stored here.
 */
@Entity
@Table(name = "addin_session")
@NamedQuery(name = AddinSession.PURGE, query = "delete from AddinSession s where s.expiresAt < :before")
@NamedQuery(name = AddinSession.OF_USER, query = "select s from AddinSession s where s.user = :user")
@NamedQuery(name = AddinSession.ACTIVE_PER_USER, query = "select s.user.id, count(s) from AddinSession s"
        + " where s.user.account = :account and s.expiresAt > :now group by s.user.id")
public class AddinSession {

    public static final String PURGE = "AddinSession.purge";
    public static final String OF_USER = "AddinSession.ofUser";
    public static final String ACTIVE_PER_USER = "AddinSession.activePerUser";

    @Id
    @Column(name = "token_digest", length = 64)
    private String tokenDigest;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "user_id", nullable = false, updatable = false)
    private AccountUser user;

    @Column(name = "mailbox", nullable = false, updatable = false, length = 254)
    private String mailbox;

    @Enumerated(EnumType.STRING)
    @Column(name = "signed_in_with", nullable = false, updatable = false, length = 16)
    private AuthenticationMethod signedInWith;

    @Column(name = "started_at", nullable = false, updatable = false)
    private Instant startedAt;

    @Column(name = "expires_at", nullable = false, updatable = false)
    private Instant expiresAt;

    @Column(name = "last_used_at", nullable = false)
    private Instant lastUsedAt;

    protected AddinSession() {
    }

    public AddinSession(String tokenDigest, AccountUser user, String mailbox, AuthenticationMethod signedInWith,
                        Instant startedAt, Instant expiresAt) {
        if (!expiresAt.isAfter(startedAt)) {
            throw new IllegalArgumentException("An add-in session must end after it starts");
        }
        this.tokenDigest = Objects.requireNonNull(tokenDigest);
        this.user = Objects.requireNonNull(user);
        this.mailbox = Objects.requireNonNull(mailbox);
        this.signedInWith = Objects.requireNonNull(signedInWith);
        this.startedAt = startedAt;
        this.expiresAt = expiresAt;
        this.lastUsedAt = startedAt;
    }

    public boolean isActiveAt(Instant now) {
        return now.isBefore(expiresAt) && user.getAccount().isActive();
    }

    public void used(Instant now) {
        lastUsedAt = now;
    }

    public AccountUser getUser() {
        return user;
    }

    public String getMailbox() {
        return mailbox;
    }

    public AuthenticationMethod getSignedInWith() {
        return signedInWith;
    }

    public Instant getStartedAt() {
        return startedAt;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }

    public Instant getLastUsedAt() {
        return lastUsedAt;
    }
}
