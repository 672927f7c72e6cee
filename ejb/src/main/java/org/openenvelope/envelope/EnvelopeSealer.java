package org.openenvelope.envelope;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.openenvelope.account.Account;
import org.openenvelope.audit.AuditAction;
import org.openenvelope.audit.AuditLog;
import org.openenvelope.branding.Brand;
import org.openenvelope.branding.BrandOf;
import org.openenvelope.security.SecretBox;
import org.openenvelope.template.NotificationTexts;

/**
 * Seals a checked message into an envelope of an account, in the caller's transaction: whoever may seal (the
 * account's gateway, a recipient's Secure Reply) has been decided by the caller.
 */
@ApplicationScoped
public class EnvelopeSealer {

    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext(unitName = "openenvelope")
    EntityManager em;

    @Inject
    SecretBox secrets;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    @Inject
    FeaturesOf features;

    @Inject
    NotificationTexts texts;

    @Inject
    BrandOf brands;

    /**
     * @param actor who the audit names: null for the signed-in caller, else e.g. the replying recipient
     */
    SealedEnvelope seal(Account account, PlainMessage message, String baseUrl, String actor) {
        Instant now = clock.instant();
        String id = newId();
        List<EnvelopeBinding.Addressee> addressees = message.recipients().entrySet().stream()
                .map(r -> new EnvelopeBinding.Addressee(r.getValue(), r.getKey())).toList();
        EnvelopeBinding binding = new EnvelopeBinding(id, account.getNumber(), message.sender(), addressees,
                EnvelopeCipher.KEY_VERSION);
        byte[] key = EnvelopeCipher.newKey();
        try {
            byte[] ciphertext = EnvelopeCipher.encrypt(key, binding, EnvelopeBinding.Part.MESSAGE, message.content());
            String subject = message.subject().isEmpty() ? null : Base64.getEncoder().encodeToString(EnvelopeCipher.encrypt(
                    key, binding, EnvelopeBinding.Part.SUBJECT, message.subject().getBytes(StandardCharsets.UTF_8)));
            Envelope envelope = new Envelope(id, account, message.sender(), now,
                    features.account(account).expiryFrom(now), EnvelopeCipher.KEY_VERSION,
                    ciphertext.length, secrets.seal(key, Envelope.keyPurpose(id)), subject);
            addressees.forEach(a -> envelope.addRecipient(a.address(), a.kind()));
            em.persist(envelope);
            em.flush();
            String detail = "Sealed envelope " + id + " from " + message.sender() + " for " + addressees.size()
                    + " recipient(s), " + ciphertext.length + " bytes";
            if (actor == null) {
                audit.record(AuditAction.ENVELOPE_SEALED, account.getNumber(), detail);
            } else {
                audit.recordAs(actor, AuditAction.ENVELOPE_SEALED, account.getNumber(), detail);
            }
            String fileName = SecuredocAttachment.fileName(now);
            Brand brand = brands.account(account);
            byte[] attachment = SecuredocAttachment.render(id, ciphertext, baseUrl, message.sender(), brand, now);
            MimeMessage notification = EnvelopeNotification.compose(message, id, texts.render(account, brand,
                    EnvelopeNotification.values(message, id, brand.displayName(), baseUrl, fileName,
                            envelope.getExpiresAt())), fileName, attachment, now);
            List<InternetAddress> deliverTo = new ArrayList<>();
            for (RecipientKind kind : RecipientKind.values()) {
                deliverTo.addAll(message.addressed(kind));
            }
            return new SealedEnvelope(EnvelopeView.of(envelope, now), notification, deliverTo);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    /** 128 random bits, URL-safe: the ID appears in attachment and viewer URLs and must not be guessable. */
    private static String newId() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
