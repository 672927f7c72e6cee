package org.openenvelope.envelope;

import jakarta.persistence.CascadeType;
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
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.openenvelope.account.Account;
import org.openenvelope.error.ConflictException;
import org.openenvelope.error.InvalidValueException;

/**
 * The service's record of one encrypted message: who sent it to whom, when it expires, whether it is locked, and
 * the message key sealed under the master key. The message itself is not here: it travels as the ciphertext in
 * the recipients' securedoc attachment, and its subject is kept encrypted under the message key, so destroying
 * the key (expiry for good, revocation for everyone) makes every copy unreadable for ever.
 */
@Entity
@Table(name = "envelope")
@NamedQuery(name = Envelope.BY_PUBLIC_ID, query = "select e from Envelope e where e.publicId = :publicId")
@NamedQuery(name = Envelope.KEYS_EXPIRED_BEFORE, query = "select e from Envelope e"
        + " where e.sealedKey is not null and e.expiresAt < :before")
public class Envelope {

    public static final String BY_PUBLIC_ID = "Envelope.byPublicId";
    private static final Pattern PUBLIC_ID = Pattern.compile("[A-Za-z0-9_-]{22}");
    public static final String KEYS_EXPIRED_BEFORE = "Envelope.keysExpiredBefore";
    public static final int MAX_LOCK_REASON = 500;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "envelope_id")
    @SequenceGenerator(name = "envelope_id", sequenceName = "envelope_id_seq", allocationSize = 50)
    private Long id;

    @Column(name = "public_id", nullable = false, updatable = false, length = 32)
    private String publicId;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "account_id", nullable = false, updatable = false)
    private Account account;

    @Column(name = "sender", nullable = false, updatable = false, length = 254)
    private String sender;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "expires_at")
    private Instant expiresAt;

    @Column(name = "locked_at")
    private Instant lockedAt;

    @Column(name = "lock_reason", length = MAX_LOCK_REASON)
    private String lockReason;

    @Column(name = "key_version", nullable = false, updatable = false)
    private int keyVersion;

    @Column(name = "ciphertext_bytes", nullable = false, updatable = false)
    private long ciphertextBytes;

    /** The message key, sealed under the master key for this envelope only; null once destroyed. */
    @Column(name = "sealed_key", length = 200)
    private String sealedKey;

    /** The subject, encrypted under the message key (not the master key): it goes with the key. */
    @Column(name = "encrypted_subject", length = 4000)
    private String encryptedSubject;

    @Enumerated(EnumType.STRING)
    @Column(name = "key_destruction", length = 8)
    private KeyDestruction keyDestruction;

    @Column(name = "key_destroyed_at")
    private Instant keyDestroyedAt;

    @OneToMany(mappedBy = "envelope", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    private List<EnvelopeRecipient> recipients = new ArrayList<>();

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected Envelope() {
    }

    public Envelope(String publicId, Account account, String sender, Instant createdAt, Instant expiresAt,
                    int keyVersion, long ciphertextBytes, String sealedKey, String encryptedSubject) {
        if (expiresAt != null && !expiresAt.isAfter(createdAt)) {
            throw new IllegalArgumentException("An envelope must expire after it is created");
        }
        this.publicId = Objects.requireNonNull(publicId);
        this.account = Objects.requireNonNull(account);
        this.sender = normalized(sender);
        this.createdAt = Objects.requireNonNull(createdAt);
        this.expiresAt = expiresAt;
        this.keyVersion = keyVersion;
        this.ciphertextBytes = ciphertextBytes;
        this.sealedKey = Objects.requireNonNull(sealedKey);
        this.encryptedSubject = encryptedSubject;
    }

    /** Whether the text has the shape of an envelope's public ID (16 random bytes, Base64url), before any lookup. */
    public static boolean isPublicId(String candidate) {
        return candidate != null && PUBLIC_ID.matcher(candidate).matches();
    }

    /** The purpose the sealed message key is bound to: it opens for this envelope's record only. */
    public static String keyPurpose(String publicId) {
        return "envelope-key:" + publicId;
    }

    /** After a master-key rotation: the same message key, sealed under the new master key. */
    public void reseal(String sealed) {
        requireKey("re-seal");
        sealedKey = Objects.requireNonNull(sealed);
    }

    /** Addresses are compared case-insensitively: the record keeps them in lower case. */
    public static String normalized(String address) {
        return address.strip().toLowerCase(Locale.ROOT);
    }

    public void addRecipient(String address, RecipientKind kind) {
        String value = normalized(address);
        if (recipient(value).isEmpty()) {
            recipients.add(new EnvelopeRecipient(this, recipients.size(), value, kind));
        }
    }

    /**
     * Why the envelope does not open for this address now, if it does not. Someone who is not a recipient learns
     * nothing more than that.
     */
    public Optional<EnvelopeRefusal> refusalFor(String address, Instant now) {
        Optional<EnvelopeRecipient> recipient = recipient(normalized(address));
        if (recipient.isEmpty()) {
            return Optional.of(EnvelopeRefusal.NOT_A_RECIPIENT);
        }
        if (keyDestruction == KeyDestruction.EXPIRED) {
            return Optional.of(EnvelopeRefusal.EXPIRED);
        }
        if (isKeyDestroyed() || recipient.get().isRevoked()) {
            return Optional.of(EnvelopeRefusal.REVOKED);
        }
        if (isExpiredAt(now)) {
            return Optional.of(EnvelopeRefusal.EXPIRED);
        }
        if (isLocked()) {
            return Optional.of(EnvelopeRefusal.LOCKED);
        }
        return Optional.empty();
    }

    /** Whether the address is one of its recipients (To, Cc or Bcc), revoked or not. */
    public boolean isAddressedTo(String address) {
        return recipient(normalized(address)).isPresent();
    }

    /** @return whether this was the recipient's first opening, for the sender's read receipt */
    public boolean openedBy(String address, Instant now) {
        return recipient(normalized(address)).orElseThrow().opened(now);
    }

    /** Locks the envelope for every recipient; the key is kept, so it can be unlocked. */
    public void lock(String reason, Instant now) {
        requireKey("lock");
        String value = reason == null ? "" : reason.strip();
        if (value.isEmpty()) {
            throw new InvalidValueException("reason", "Give the reason the recipients will see.");
        }
        if (value.length() > MAX_LOCK_REASON) {
            throw new InvalidValueException("reason", "The reason is longer than " + MAX_LOCK_REASON + " characters.");
        }
        lockedAt = now;
        lockReason = value;
    }

    public void unlock() {
        requireKey("unlock");
        lockedAt = null;
        lockReason = null;
    }

    /** Sets a new expiry (null: never); possible until the key is destroyed, so an expired envelope can be revived. */
    public void changeExpiry(Instant newExpiry, Instant now) {
        requireKey("change the expiry of");
        if (newExpiry != null && !newExpiry.isAfter(now)) {
            throw new InvalidValueException("expiresAt", "The new expiry must be in the future.");
        }
        expiresAt = newExpiry;
    }

    /** Revokes the envelope for one recipient; once no recipient is left the key is destroyed. */
    public void revoke(String address, Instant now) {
        EnvelopeRecipient recipient = recipient(normalized(address)).orElseThrow(() -> new InvalidValueException(
                "recipient", address + " is not a recipient of this envelope."));
        recipient.revoke(now);
        if (recipients.stream().allMatch(EnvelopeRecipient::isRevoked)) {
            destroyKey(KeyDestruction.REVOKED, now);
        }
    }

    /** Revokes for every recipient at once, destroying the key. */
    public void revokeForEveryone(Instant now) {
        recipients.forEach(r -> r.revoke(now));
        destroyKey(KeyDestruction.REVOKED, now);
    }

    /** Whether its expiry passed longer ago than the grace period in which it could still be extended. */
    public boolean isExpiredForGood(Instant now, Duration grace) {
        return expiresAt != null && expiresAt.plus(grace).isBefore(now);
    }

    /** Crypto-shredding: the key and the subject encrypted under it are deleted; the record of who and when stays. */
    public void destroyKey(KeyDestruction why, Instant now) {
        if (isKeyDestroyed()) {
            return;
        }
        sealedKey = null;
        encryptedSubject = null;
        keyDestruction = Objects.requireNonNull(why);
        keyDestroyedAt = now;
    }

    public boolean isExpiredAt(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }

    public boolean isLocked() {
        return lockedAt != null;
    }

    public boolean isKeyDestroyed() {
        return sealedKey == null;
    }

    private void requireKey(String action) {
        if (isKeyDestroyed()) {
            throw new ConflictException("envelope", "The key of envelope " + publicId + " is destroyed; there is nothing"
                    + " left to " + action + ".");
        }
    }

    private Optional<EnvelopeRecipient> recipient(String normalizedAddress) {
        return recipients.stream().filter(r -> r.getAddress().equals(normalizedAddress)).findFirst();
    }

    public Long getId() {
        return id;
    }

    public String getPublicId() {
        return publicId;
    }

    public Account getAccount() {
        return account;
    }

    public String getSender() {
        return sender;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }

    public Instant getLockedAt() {
        return lockedAt;
    }

    public String getLockReason() {
        return lockReason;
    }

    public int getKeyVersion() {
        return keyVersion;
    }

    public long getCiphertextBytes() {
        return ciphertextBytes;
    }

    public String getSealedKey() {
        return sealedKey;
    }

    public String getEncryptedSubject() {
        return encryptedSubject;
    }

    public KeyDestruction getKeyDestruction() {
        return keyDestruction;
    }

    public Instant getKeyDestroyedAt() {
        return keyDestroyedAt;
    }

    public List<EnvelopeRecipient> getRecipients() {
        return Collections.unmodifiableList(recipients);
    }
}
