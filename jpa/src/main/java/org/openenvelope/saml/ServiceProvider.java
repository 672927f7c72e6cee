package org.openenvelope.saml;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OneToOne;
import jakarta.persistence.OrderBy;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.net.URI;
import java.net.URISyntaxException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.openenvelope.account.Account;
import org.openenvelope.error.ConflictException;
import org.openenvelope.error.InvalidValueException;

/**
 * This service as one account's SAML service provider: its entity ID (derived from the base URL unless an
 * administrator set one) and its keys through their rollover.
 */
@Entity
@Table(name = "service_provider")
@NamedQuery(name = ServiceProvider.OF_ACCOUNT, query = "select distinct s from ServiceProvider s left join fetch s.keys"
        + " where s.account = :account")
public class ServiceProvider {

    public static final String OF_ACCOUNT = "ServiceProvider.ofAccount";
    static final int MAX_ENTITY_ID = 1024;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "service_provider_id")
    @SequenceGenerator(name = "service_provider_id", sequenceName = "service_provider_id_seq", allocationSize = 50)
    private Long id;

    @OneToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "account_id", nullable = false, updatable = false, unique = true)
    private Account account;

    @Column(name = "entity_id", length = MAX_ENTITY_ID)
    private String entityId;

    @OneToMany(mappedBy = "serviceProvider", cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.EAGER)
    @OrderBy("createdAt")
    private List<ServiceProviderKey> keys = new ArrayList<>();

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected ServiceProvider() {
    }

    public ServiceProvider(Account account) {
        this.account = account;
    }

    /** The configured entity ID, or {@code derived} when none is set. */
    public String entityId(String derived) {
        return entityId != null ? entityId : derived;
    }

    public boolean hasCustomEntityId() {
        return entityId != null;
    }

    /**
     * Sets the entity ID the IdP knows this account by; blank returns to the derived default.
     *
     * @throws InvalidValueException unless it is an absolute URI (https URL or URN) without spaces
     */
    public void changeEntityId(String candidate) {
        String value = candidate == null ? "" : candidate.strip();
        if (value.isEmpty()) {
            entityId = null;
            return;
        }
        if (value.length() > MAX_ENTITY_ID || value.chars().anyMatch(Character::isWhitespace)) {
            throw new InvalidValueException("entityId", "The SP entity ID must be at most " + MAX_ENTITY_ID
                    + " characters without spaces.");
        }
        try {
            if (!new URI(value).isAbsolute()) {
                throw new InvalidValueException("entityId",
                        "The SP entity ID must be an absolute URI, such as https://… or urn:….");
            }
        } catch (URISyntaxException e) {
            throw new InvalidValueException("entityId", "The SP entity ID is not a valid URI: " + e.getReason() + ".");
        }
        entityId = value;
    }

    /**
     * Adds a key: the first becomes active at once; later ones are published as NEXT until activated.
     *
     * @throws ConflictException when a next key is already waiting
     */
    public ServiceProviderKey addKey(KeyOrigin origin, X509Certificate certificate, String encryptedPrivateKey, Instant now) {
        boolean first = activeKey().isEmpty();
        if (!first && key(KeyStatus.NEXT).isPresent()) {
            throw new ConflictException("key", "A next key is already published; activate or withdraw it first.");
        }
        ServiceProviderKey key = new ServiceProviderKey(this, origin, certificate, encryptedPrivateKey,
                first ? KeyStatus.ACTIVE : KeyStatus.NEXT, now);
        keys.add(key);
        return key;
    }

    /** The next key starts signing; the one it replaces stays published (and decrypts) until retired. */
    public void activateNextKey(Instant now) {
        ServiceProviderKey next = key(KeyStatus.NEXT).orElseThrow(() ->
                new ConflictException("key", "There is no next key to activate; add one first."));
        key(KeyStatus.PREVIOUS).ifPresent(previous -> previous.retire(now));
        activeKey().ifPresent(ServiceProviderKey::demote);
        next.activate(now);
    }

    /** Takes back a next key that never signed (the wrong upload, say); it leaves the metadata at once. */
    public ServiceProviderKey withdrawNextKey(Instant now) {
        ServiceProviderKey next = key(KeyStatus.NEXT).orElseThrow(() ->
                new ConflictException("key", "There is no next key to withdraw."));
        next.retire(now);
        return next;
    }

    /** Stops publishing the replaced key: IdPs must have updated their trust by now. */
    public void retirePreviousKey(Instant now) {
        key(KeyStatus.PREVIOUS).orElseThrow(() ->
                new ConflictException("key", "There is no previous key to retire.")).retire(now);
    }

    public Optional<ServiceProviderKey> activeKey() {
        return key(KeyStatus.ACTIVE);
    }

    /** Every key in metadata and for decryption: next, active and previous. */
    public List<ServiceProviderKey> publishedKeys() {
        return keys.stream().filter(key -> key.getStatus().isPublished()).toList();
    }

    public List<ServiceProviderKey> getKeys() {
        return List.copyOf(keys);
    }

    private Optional<ServiceProviderKey> key(KeyStatus status) {
        return keys.stream().filter(key -> key.getStatus() == status).findFirst();
    }

    public Long getId() {
        return id;
    }

    public Account getAccount() {
        return account;
    }
}
