package org.openenvelope.envelope;

import jakarta.ejb.Asynchronous;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.openenvelope.mail.ServiceMail;
import org.openenvelope.mail.ServiceMessage;

/**
 * Tells a sender when each recipient first opens an envelope. The receipt names the envelope by its date and ID,
 * never by its subject: the service keeps no subject in plaintext, and a receipt is mail like any other.
 */
@Stateless
public class ReadReceipts {

    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    @Inject
    ServiceMail mail;

    /** Once the opening is committed; the mail leaves on its own thread, so the recipient never waits for it. */
    @Asynchronous
    public void send(@Observes(during = TransactionPhase.AFTER_SUCCESS) FirstOpening opening) {
        mail.send(receipt(opening), opening.baseUrl());
    }

    static ServiceMessage receipt(FirstOpening opening) {
        return new ServiceMessage(opening.sender(), "Opened: your secure message to " + opening.recipient(), List.of(
                opening.recipient() + " opened the secure message you sent on " + WHEN.format(opening.sentAt())
                        + ", at " + WHEN.format(opening.openedAt()) + ".",
                "Envelope " + opening.envelopeId() + ". You get one receipt for each recipient's first opening."),
                null, null);
    }
}
