package org.openenvelope.template;

import java.time.Instant;

/**
 * What the placeholders of a notification stand for, for one envelope.
 *
 * @param sender     the sender as the original's From names them ("Alice Example &lt;alice@example.com&gt;")
 * @param account    the account's name
 * @param subject    the original's subject
 * @param attachment the securedoc file's name
 * @param service    the service's host name, where the message opens
 * @param expiresAt  when the envelope expires; null when it does not
 * @param openLink   the viewer's address for this envelope
 */
public record NotificationValues(String sender, String account, String subject, String attachment, String service,
                                 Instant expiresAt, String openLink) {
}
