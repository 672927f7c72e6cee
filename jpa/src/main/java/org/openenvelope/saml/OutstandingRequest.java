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

    /** The identity provider the request went to: only its answer is taken. */
    @Column(name = "identity_provider_name", updatable = false, length = 40)
    private String identityProviderName;

    @Column(name = "issued_at", nullable = false, updatable = false)
    private Instant issuedAt;

    @Column(name = "expires_at", nullable = false, updatable = false)
    private Instant expiresAt;

    @Column(name = "answered_at")
    private Instant answeredAt;

    protected OutstandingRequest() {
    }

    /** @param identityProviderName the identity provider asked */
    public OutstandingRequest(String requestId, Account account, RequestPurpose purpose, String identityProviderName,
                              Instant issuedAt, Instant expiresAt) {
        this.requestId = requestId;
        this.identityProviderName = identityProviderName;
        this.account = account;
        this.purpose = purpose;
        this.issuedAt = issuedAt;
        this.expiresAt = expiresAt;
    }

    public boolean isAnswered() {
        return answeredAt != null;
    }

    public String getIdentityProviderName() {
        return identityProviderName;
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
}
