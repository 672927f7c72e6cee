package org.openenvelope.saml;

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
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import org.openenvelope.account.Account;

/**
 * A request we sent to an account's IdP and await the answer to. It lives in the database, so the answer may
 * arrive at any node of a cluster; it is answered at most once.
 */
@Entity
@Table(name = "saml_outstanding_request")
@NamedQuery(name = OutstandingRequest.ANSWER, query = "update OutstandingRequest r set r.answeredAt = :now"
        + " where r.requestId = :id and r.account = :account and r.purpose = :purpose"
        + " and r.answeredAt is null and r.expiresAt > :now")
@NamedQuery(name = OutstandingRequest.PURGE, query = "delete from OutstandingRequest r where r.expiresAt < :before")
public class OutstandingRequest {

    public static final String ANSWER = "OutstandingRequest.answer";
    public static final String PURGE = "OutstandingRequest.purge";

    @Id
    @Column(name = "request_id", length = 64)
    private String requestId;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "account_id", nullable = false, updatable = false)
    private Account account;

    @Enumerated(EnumType.STRING)
    @Column(name = "purpose", nullable = false, updatable = false, length = 16)
    private RequestPurpose purpose;

    @Column(name = "sso_test_id", updatable = false)
    private Long ssoTestId;

    /** The identity provider the request went to: only its answer is taken. */
    @Column(name = "identity_provider_name", updatable = false, length = 40)
    private String identityProviderName;

    @Column(name = "relay_state", length = 1024)
    private String relayState;

    @Column(name = "issued_at", nullable = false, updatable = false)
    private Instant issuedAt;

    @Column(name = "expires_at", nullable = false, updatable = false)
    private Instant expiresAt;

    @Column(name = "answered_at")
    private Instant answeredAt;

    @Column(name = "browser_digest", length = 64, updatable = false)
    private String browserDigest;

    protected OutstandingRequest() {
    }

    /**
     * @param identityProviderName the identity provider asked
     * @param browserDigest        the digest of the starting browser's cookie; null when no browser is bound (logout)
     */
    public OutstandingRequest(String requestId, Account account, RequestPurpose purpose, String identityProviderName,
                              String relayState, String browserDigest, Instant issuedAt, Instant expiresAt) {
        this.requestId = requestId;
        this.identityProviderName = identityProviderName;
        this.browserDigest = browserDigest;
        this.account = account;
        this.purpose = purpose;
        this.relayState = relayState;
        this.issuedAt = issuedAt;
        this.expiresAt = expiresAt;
    }

    /** A Test SSO run's request: its answer is judged against the draft and never signs anyone in. */
    public OutstandingRequest forTest(SsoTest test) {
        this.ssoTestId = test.getId();
        return this;
    }

    public boolean isAnswered() {
        return answeredAt != null;
    }

    /** Whether an answer presented with this browser digest may count (always, for a request bound to no browser). */
    public boolean startedIn(String presentedBrowserDigest) {
        return browserDigest == null || presentedBrowserDigest != null && MessageDigest.isEqual(
                browserDigest.getBytes(StandardCharsets.US_ASCII), presentedBrowserDigest.getBytes(StandardCharsets.US_ASCII));
    }

    public String getIdentityProviderName() {
        return identityProviderName;
    }

    public Long getSsoTestId() {
        return ssoTestId;
    }

    public RequestPurpose getPurpose() {
        return purpose;
    }

    public Account getAccount() {
        return account;
    }

    public String getRequestId() {
        return requestId;
    }

    public String getRelayState() {
        return relayState;
    }
}
