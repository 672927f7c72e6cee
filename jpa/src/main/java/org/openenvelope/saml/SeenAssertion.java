package org.openenvelope.saml;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/** An assertion that has signed someone in, remembered until it would be refused on its dates anyway. */
@Entity
@Table(name = "saml_seen_assertion")
@NamedQuery(name = SeenAssertion.PURGE, query = "delete from SeenAssertion s where s.expiresAt < :before")
public class SeenAssertion {

    public static final String PURGE = "SeenAssertion.purge";

    @Id
    @Column(name = "assertion_key", length = 64)
    private String assertionKey;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    protected SeenAssertion() {
    }

    /** @param assertionKey a fixed-length digest of issuer and assertion ID */
    public SeenAssertion(String assertionKey, Instant expiresAt) {
        this.assertionKey = assertionKey;
        this.expiresAt = expiresAt;
    }
}
