package org.openenvelope.envelope;

import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.List;

/**
 * A message just sealed: its committed record, the notification that carries the securedoc attachment, and who
 * the mail transport delivers it to (To, Cc and Bcc; the notification itself names no Bcc).
 */
public record SealedEnvelope(EnvelopeView envelope, MimeMessage notification, List<InternetAddress> deliverTo) {
}
