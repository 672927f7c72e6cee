package org.openenvelope.addin;

import java.time.Instant;
import org.openenvelope.account.AuthenticationMethod;

/**
 * What the add-in knows of its signed-in sender: who, for which mailbox, until when, and what to do with messages.
 *
 * @param remembered whether the add-in may keep the token across restarts of Outlook (the domain remembers the
 *                   password for at least a day)
 */
public record AddinSessionView(String federationId, String mailbox, String accountName, AuthenticationMethod signedInWith,
                               Instant expiresAt, boolean remembered, DomainSettings settings) {

    static AddinSessionView of(AddinSession session, DomainSettings settings) {
        return new AddinSessionView(session.getUser().getFederationId(), session.getMailbox(),
                session.getUser().getAccount().getName(), session.getSignedInWith(), session.getExpiresAt(),
                settings.rememberPasswordDays() > 0, settings);
    }
}
