package org.openenvelope.administrator;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapsId;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;
import org.openenvelope.account.Account;

/**
 * How an account's administrators sign in to the portal: whether a password sign-in needs a second factor, and
 * whether they may sign in through the account's identity provider instead. Without a row, neither.
 */
@Entity
@Table(name = "administrator_sign_in_policy")
public class AdministratorSignInPolicy {

    @Id
    @Column(name = "account_id")
    private Long accountId;

    @MapsId
    @OneToOne(optional = false)
    @JoinColumn(name = "account_id")
    private Account account;

    @Column(name = "second_factor_required", nullable = false)
    private boolean secondFactorRequired;

    @Column(name = "identity_provider_sign_in", nullable = false)
    private boolean identityProviderSignIn;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "updated_by", nullable = false, length = 254)
    private String updatedBy;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected AdministratorSignInPolicy() {
    }

    public AdministratorSignInPolicy(Account account) {
        this.account = Objects.requireNonNull(account, "account");
    }

    public void change(boolean secondFactorRequired, boolean identityProviderSignIn, String actor, Instant now) {
        this.secondFactorRequired = secondFactorRequired;
        this.identityProviderSignIn = identityProviderSignIn;
        this.updatedBy = Objects.requireNonNull(actor, "actor");
        this.updatedAt = now;
    }

    public boolean isSecondFactorRequired() {
        return secondFactorRequired;
    }

    public boolean isIdentityProviderSignIn() {
        return identityProviderSignIn;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public String getUpdatedBy() {
        return updatedBy;
    }
}
