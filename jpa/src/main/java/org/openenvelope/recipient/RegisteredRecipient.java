package org.openenvelope.recipient;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;
import org.openenvelope.administrator.PasswordCredential;

/**
 * An envelope recipient who proved their address by mail and chose a password, so that later envelopes open
 * without a code. Addresses are kept in lower case (they are matched case-insensitively, as envelope recipients
 * are); the password and its lockout are those of everyone else who signs in with one.
 */
@Entity
@Table(name = "registered_recipient")
@NamedQuery(name = RegisteredRecipient.BY_ADDRESS, query = "select r from RegisteredRecipient r where r.address = :address")
public class RegisteredRecipient {

    public static final String BY_ADDRESS = "RegisteredRecipient.byAddress";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "registered_recipient_id")
    @SequenceGenerator(name = "registered_recipient_id", sequenceName = "registered_recipient_id_seq", allocationSize = 50)
    private Long id;

    @Column(name = "address", nullable = false, updatable = false, length = 254)
    private String address;

    @Column(name = "registered_at", nullable = false, updatable = false)
    private Instant registeredAt;

    @Embedded
    private PasswordCredential password;

    /** The shortest length the policy in force required when the password was chosen. */
    @Column(name = "password_min_length", nullable = false)
    private int passwordMinLength;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected RegisteredRecipient() {
    }

    /**
     * Registers the address, whose ownership a mailed link has just proved, with its first password.
     *
     * @param minLength the shortest length the policy in force required of it
     */
    public RegisteredRecipient(String address, String passwordHash, int minLength, Instant now) {
        this.address = Objects.requireNonNull(address);
        this.registeredAt = now;
        this.password = new PasswordCredential(passwordHash, false, now);
        this.passwordMinLength = minLength;
    }

    /** A new password, chosen under a policy that required {@code minLength} characters. */
    public void choosePassword(String passwordHash, int minLength, Instant now) {
        password.set(passwordHash, false, now);
        passwordMinLength = minLength;
    }

    /** Whether the password was chosen under a policy at least as long as {@code minLength} demands. */
    public boolean meetsMinLength(int minLength) {
        return passwordMinLength >= minLength;
    }

    public PasswordCredential password() {
        return password;
    }

    public Long getId() {
        return id;
    }

    public String getAddress() {
        return address;
    }

    public Instant getRegisteredAt() {
        return registeredAt;
    }
}
