package org.openenvelope.websafe;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import org.openenvelope.account.Account;
import org.openenvelope.user.AccountUser;

/**
 * A user's signed-in session in the user portal, established by an assertion. It is kept in the database so that
 * an IdP's LogoutRequest, arriving at any node, can end it, and every node sees that at the user's next request.
 * The key in the browser's HTTP session is random; only its SHA-256 digest is stored here.
 */
@Entity
@Table(name = "websafe_session")
@NamedQuery(name = WebsafeSession.BY_KEY_WITH_ACCOUNT_AND_USER, query = "select s from WebsafeSession s"
        + " join fetch s.account join fetch s.user where s.sessionKeyDigest = :key")
@NamedQuery(name = WebsafeSession.ACTIVE_BY_NAME_ID, query = "select s from WebsafeSession s"
        + " where s.account = :account and s.nameId = :nameId and s.endedAt is null")
@NamedQuery(name = WebsafeSession.END_OF_IDENTITY_PROVIDER, query = "update WebsafeSession s set s.endedAt = :now,"
        + " s.endReason = 'identity-provider-removed' where s.account = :account and s.identityProviderName = :name"
        + " and s.endedAt is null")
public class WebsafeSession {

    public static final String BY_KEY_WITH_ACCOUNT_AND_USER = "WebsafeSession.byKeyWithAccountAndUser";
    public static final String ACTIVE_BY_NAME_ID = "WebsafeSession.activeByNameId";
    public static final String END_OF_IDENTITY_PROVIDER = "WebsafeSession.endOfIdentityProvider";

    @Id
    @Column(name = "session_key", length = 64)
    private String sessionKeyDigest;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "account_id", nullable = false, updatable = false)
    private Account account;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "user_id", nullable = false, updatable = false)
    private AccountUser user;

    @Column(name = "name_id", updatable = false, length = 1024)
    private String nameId;

    @Column(name = "name_id_format", updatable = false, length = 256)
    private String nameIdFormat;

    @Column(name = "name_qualifier", updatable = false, length = 1024)
    private String nameQualifier;

    @Column(name = "sp_name_qualifier", updatable = false, length = 1024)
    private String spNameQualifier;

    @Column(name = "session_index", updatable = false, length = 256)
    private String sessionIndex;

    /** The identity provider that signed the user in; null for a password sign-in. */
    @Column(name = "identity_provider_name", updatable = false, length = 40)
    private String identityProviderName;

    @Column(name = "started_at", nullable = false, updatable = false)
    private Instant startedAt;

    @Column(name = "expires_at", nullable = false, updatable = false)
    private Instant expiresAt;

    @Column(name = "ended_at")
    private Instant endedAt;

    @Column(name = "end_reason", length = 32)
    private String endReason;

    protected WebsafeSession() {
    }

    public WebsafeSession(String sessionKeyDigest, AccountUser user, String identityProviderName, String nameId,
                          String nameIdFormat, String nameQualifier, String spNameQualifier, String sessionIndex,
                          Instant startedAt, Instant expiresAt) {
        this.sessionKeyDigest = sessionKeyDigest;
        this.identityProviderName = identityProviderName;
        this.account = user.getAccount();
        this.user = user;
        this.nameId = nameId;
        this.nameIdFormat = nameIdFormat;
        this.nameQualifier = nameQualifier;
        this.spNameQualifier = spNameQualifier;
        this.sessionIndex = sessionIndex;
        this.startedAt = startedAt;
        this.expiresAt = expiresAt;
    }

    /** A session of a user who signed in with their password: nobody to tell at sign-out. */
    public static WebsafeSession withPassword(String sessionKeyDigest, AccountUser user, Instant startedAt, Instant expiresAt) {
        return new WebsafeSession(sessionKeyDigest, user, null, null, null, null, null, null, startedAt, expiresAt);
    }

    /** Started by an SSO sign-in (so sign-out may tell the IdP); false for a password sign-in. */
    public boolean isFederated() {
        return nameId != null;
    }

    /** Ends the session (idempotent: the first reason is kept). */
    public void end(String reason, Instant now) {
        if (endedAt == null) {
            endedAt = now;
            endReason = reason;
        }
    }

    /** Neither ended (sign-out, IdP logout) nor past its expiry. */
    public boolean isActiveAt(Instant now) {
        return endedAt == null && now.isBefore(expiresAt);
    }

    public String getIdentityProviderName() {
        return identityProviderName;
    }

    public Account getAccount() {
        return account;
    }

    public AccountUser getUser() {
        return user;
    }

    public String getNameId() {
        return nameId;
    }

    public String getNameIdFormat() {
        return nameIdFormat;
    }

    public String getNameQualifier() {
        return nameQualifier;
    }

    public String getSpNameQualifier() {
        return spNameQualifier;
    }

    public String getSessionIndex() {
        return sessionIndex;
    }

    public Instant getStartedAt() {
        return startedAt;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }

    public String getEndReason() {
        return endReason;
    }
}
