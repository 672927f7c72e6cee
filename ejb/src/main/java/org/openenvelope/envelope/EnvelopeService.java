package org.openenvelope.envelope;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.openenvelope.account.Account;
import org.openenvelope.account.AccountAccess;
import org.openenvelope.audit.AuditAction;
import org.openenvelope.audit.AuditLog;
import org.openenvelope.operations.ServiceMetrics;
import org.openenvelope.error.ConflictException;
import org.openenvelope.error.InvalidValueException;
import org.openenvelope.persistence.Page;
import org.openenvelope.persistence.Paging;
import org.openenvelope.persistence.SearchTerm;
import org.openenvelope.profile.ProfileOwners;

/**
 * Sealing messages into envelopes, and the sender's and administrators' control of them afterwards (lock,
 * expiry, revocation). A message is sealed with a fresh AES-256-GCM key ({@link EnvelopeCipher}) whose sealed
 * form is committed with the envelope's record before the notification can leave, so no envelope is ever sent
 * whose key is lost. Nothing of the message is logged or audited beyond who sent it to how many, and its size.
 */
@Stateless
public class EnvelopeService {

    @PersistenceContext(unitName = "openenvelope")
    EntityManager em;

    @Inject
    AccountAccess access;

    @Inject
    Envelopes envelopes;

    @Inject
    ProfileOwners profileOwners;

    @Inject
    EnvelopeSealer sealer;

    @Inject
    EnvelopeControl control;

    @Inject
    FeaturesOf features;

    @Inject
    AuditLog audit;

    @Inject
    ServiceMetrics metrics;

    @Inject
    Clock clock;

    /** The largest message (MIME, before encryption) an envelope holds. */
    @Inject
    @ConfigProperty(name = "openenvelope.envelope.max-message-bytes", defaultValue = "26214400")
    long maxMessageBytes;

    /**
     * Seals the sender's message (RFC 5322 bytes). The sender (From) must be an address of one of the account's
     * domains; recipients are To, Cc and Bcc.
     *
     * @param baseUrl the service's public base URL, where the attachment opens the viewer
     */
    public SealedEnvelope seal(String accountNumber, byte[] mime, String baseUrl) {
        Account account = access.account(accountNumber);
        if (!account.isActive()) {
            throw new ConflictException("account", "Account " + account.getNumber() + " is suspended; it seals no messages.");
        }
        requireWithinLimit(account, mime.length);
        PlainMessage message = PlainMessage.parse(mime);
        if (!profileOwners.serves(account, message.sender())) {
            throw new InvalidValueException("From", message.sender() + " is not an address of account "
                    + account.getNumber() + " (its verified Profiles entries name the domains and addresses it sends for).");
        }
        SealedEnvelope sealed = sealer.seal(account, message, baseUrl, null);
        metrics.envelopeSealed("api");
        return sealed;
    }

    /**
     * Seals a draft read from a sender's own mailbox, for the Outlook add-in's Encrypt: its From must be that
     * mailbox's address (the service sends it as that mailbox, and never for another), an address of the account.
     *
     * @param mailbox the mailbox's own address, as Microsoft 365 names it
     * @param actor   who the audit trail names: the signed-in sender
     * @throws InvalidValueException naming {@code From} or {@code message}
     */
    public SealedEnvelope sealFromMailbox(Account account, byte[] mime, String mailbox, String baseUrl, String actor) {
        if (!account.isActive()) {
            throw new ConflictException("account", "Account " + account.getNumber() + " is suspended; it seals no messages.");
        }
        requireWithinLimit(account, mime.length);
        PlainMessage message = PlainMessage.parse(mime);
        if (!message.sender().equals(Envelope.normalized(mailbox))) {
            throw new InvalidValueException("From", "The message is from " + message.sender() + ", not from the"
                    + " mailbox " + mailbox + " it is in; the service sends only as the mailbox itself.");
        }
        if (!profileOwners.serves(account, message.sender())) {
            throw new InvalidValueException("From", message.sender() + " is not an address of account "
                    + account.getNumber() + " (its verified Profiles entries name the domains and addresses it sends for).");
        }
        SealedEnvelope sealed = sealer.seal(account, message, baseUrl, actor);
        metrics.envelopeSealed("addin");
        return sealed;
    }

    /** Destroys the key of an envelope that never left (a flow that started over or failed before sending it). */
    public void discardUnsent(Account account, String envelopeId, String actor) {
        envelopes.byId(envelopeId).filter(e -> e.getAccount().getId().equals(account.getId()))
                .ifPresent(envelope -> control.revokeForEveryone(envelope, actor));
    }

    /** For the audit trail once the mail transport has taken the notification. */
    public void recordSent(String accountNumber, String envelopeId, int recipients) {
        Account account = access.account(accountNumber);
        audit.record(AuditAction.ENVELOPE_SENT, account.getNumber(), "Sent envelope " + envelopeId + " to "
                + recipients + " recipient(s)");
    }

    /** The account's envelopes, newest first, by sender, recipient and creation time as asked. */
    public Page<EnvelopeView> search(String accountNumber, EnvelopeSearch search, int page, int size) {
        Account account = access.account(accountNumber);
        StringBuilder where = new StringBuilder(" where e.account = :account");
        Map<String, Object> parameters = new HashMap<>(Map.of("account", account));
        SearchTerm sender = SearchTerm.of(search.sender());
        if (!sender.isEmpty()) {
            where.append(" and e.sender like :sender" + SearchTerm.ESCAPE);
            parameters.put("sender", sender.contains());
        }
        SearchTerm recipient = SearchTerm.of(search.recipient());
        if (!recipient.isEmpty()) {
            where.append(" and exists (select r from EnvelopeRecipient r where r.envelope = e and r.address like :recipient"
                    + SearchTerm.ESCAPE + ")");
            parameters.put("recipient", recipient.contains());
        }
        if (search.from() != null) {
            where.append(" and e.createdAt >= :from");
            parameters.put("from", search.from());
        }
        if (search.until() != null) {
            where.append(" and e.createdAt < :until");
            parameters.put("until", search.until());
        }
        TypedQuery<Envelope> items = em.createQuery("select e from Envelope e" + where + " order by e.createdAt desc, e.id desc",
                Envelope.class);
        TypedQuery<Long> count = em.createQuery("select count(e) from Envelope e" + where, Long.class);
        parameters.forEach((name, value) -> {
            items.setParameter(name, value);
            count.setParameter(name, value);
        });
        Instant now = clock.instant();
        return Paging.of(page, size).page(items, count).map(envelope -> EnvelopeView.of(envelope, now));
    }

    public EnvelopeView envelope(String accountNumber, String envelopeId) {
        return EnvelopeView.of(envelopes.of(access.account(accountNumber), envelopeId), clock.instant());
    }

    /** Locks the envelope for every recipient with a reason they see; the key is kept. */
    public EnvelopeView lock(String accountNumber, String envelopeId, String reason) {
        return control.lock(envelopes.of(access.account(accountNumber), envelopeId), reason, null);
    }

    public EnvelopeView unlock(String accountNumber, String envelopeId) {
        return control.unlock(envelopes.of(access.account(accountNumber), envelopeId), null);
    }

    /** A new expiry (null: never); an expired envelope can be revived until its key is destroyed. */
    public EnvelopeView changeExpiry(String accountNumber, String envelopeId, Instant expiresAt) {
        return control.changeExpiry(envelopes.of(access.account(accountNumber), envelopeId), expiresAt, null);
    }

    /** Revokes for one recipient; when it is the last one, the key is destroyed. */
    public EnvelopeView revoke(String accountNumber, String envelopeId, String recipient) {
        return control.revoke(envelopes.of(access.account(accountNumber), envelopeId), recipient, null);
    }

    /** Revokes for every recipient: the key is destroyed and every copy of the envelope is unreadable. */
    public EnvelopeView revokeForEveryone(String accountNumber, String envelopeId) {
        return control.revokeForEveryone(envelopes.of(access.account(accountNumber), envelopeId), null);
    }

    /**
     * @throws InvalidValueException naming {@code message} when it is larger than the limit
     */
    public void requireWithinLimit(long bytes) {
        if (bytes > maxMessageBytes) {
            throw new InvalidValueException("message", "The message is " + megabytes(bytes) + " MB; an envelope holds at"
                    + " most " + megabytes(maxMessageBytes) + " MB (openenvelope.envelope.max-message-bytes).");
        }
    }

    public long maxMessageBytes() {
        return maxMessageBytes;
    }

    /**
     * The account's own limit (its Features), within the service's.
     *
     * @throws InvalidValueException naming {@code message} when it is larger
     */
    public void requireWithinLimit(Account account, long bytes) {
        requireWithinLimit(bytes);
        Integer megabytes = features.account(account).maxMessageMegabytes();
        if (megabytes != null && bytes > megabytes * 1048576L) {
            throw new InvalidValueException("message", "The message is " + megabytes(bytes) + " MB; envelopes of account "
                    + account.getNumber() + " hold at most " + megabytes + " MB (its Features).");
        }
    }

    /** As {@link #requireWithinLimit(Account, long)}, for the account the caller may act for. */
    public void requireWithinLimit(String accountNumber, long bytes) {
        requireWithinLimit(access.account(accountNumber), bytes);
    }

    /** The service's limit in whole megabytes, the most an account's Features may allow. */
    public int maxMessageMegabytes() {
        return (int) (maxMessageBytes / 1048576L);
    }

    private static String megabytes(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f", bytes / 1048576.0);
    }
}
