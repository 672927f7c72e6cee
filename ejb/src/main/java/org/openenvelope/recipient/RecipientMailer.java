package org.openenvelope.recipient;

import jakarta.ejb.Asynchronous;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.Optional;
import org.openenvelope.audit.AuditAction;
import org.openenvelope.audit.AuditLog;
import org.openenvelope.branding.BrandOf;
import org.openenvelope.envelope.Envelope;
import org.openenvelope.envelope.Envelopes;
import org.openenvelope.mail.ServiceMail;

/**
 * Mails codes and links after the request has been answered, so that the answer takes the same time whether
 * or not a message goes out. A code or a registration goes only to a recipient of the envelope being opened (the
 * service mails no one else), a reset only to a registered address.
 */
@Stateless
public class RecipientMailer {

    @PersistenceContext(unitName = "openenvelope")
    EntityManager em;

    @Inject
    Envelopes envelopes;

    @Inject
    RegisteredRecipients registered;

    @Inject
    ServiceMail mail;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    @Inject
    BrandOf brands;

    @Asynchronous
    public void sendCode(String address, String envelopeId, String baseUrl) {
        addressedEnvelope(address, envelopeId).ifPresent(envelope -> {
            String code = RecipientSecrets.newCode();
            em.persist(new RecipientChallenge(RecipientSecrets.codeDigest(address, code), ChallengePurpose.SIGN_IN_CODE,
                    address, envelopeId, clock.instant()));
            audit.recordAs(address, AuditAction.RECIPIENT_CODE_SENT, envelope.getAccount().getNumber(),
                    "One-time code mailed to open envelope " + envelopeId);
            mail.send(RecipientMails.code(address, code, envelope.getSender(),
                    brands.account(envelope.getAccount()).displayName()), baseUrl);
        });
    }

    @Asynchronous
    public void sendRegistration(String address, String envelopeId, String baseUrl) {
        addressedEnvelope(address, envelopeId).ifPresent(envelope -> {
            if (registered.byAddress(address).isPresent()) {
                mail.send(RecipientMails.alreadyRegistered(address, baseUrl), baseUrl);
                return;
            }
            String token = link(address, ChallengePurpose.REGISTRATION, envelopeId);
            mail.send(RecipientMails.registration(address, token, envelope.getSender(), baseUrl), baseUrl);
        });
    }

    @Asynchronous
    public void sendPasswordReset(String address, String envelopeId, String baseUrl) {
        if (registered.byAddress(address).isPresent()) {
            String token = link(address, ChallengePurpose.PASSWORD_RESET, envelopeId);
            mail.send(RecipientMails.passwordReset(address, token, baseUrl), baseUrl);
        }
    }

    private String link(String address, ChallengePurpose purpose, String envelopeId) {
        String token = RecipientSecrets.newToken();
        em.persist(new RecipientChallenge(RecipientSecrets.tokenDigest(token), purpose, address, envelopeId, clock.instant()));
        audit.recordAs(address, AuditAction.RECIPIENT_LINK_SENT, null, (purpose == ChallengePurpose.REGISTRATION
                ? "Registration" : "Password reset") + " link mailed");
        return token;
    }

    private Optional<Envelope> addressedEnvelope(String address, String envelopeId) {
        return envelopes.byId(envelopeId).filter(envelope -> envelope.isAddressedTo(address));
    }
}
