package org.openenvelope.user;

import java.io.Serializable;
import java.time.Instant;

/**
 * A user as the portal and the API list it.
 *
 * @param addinSessions          how many Outlook add-ins the user is signed in to now
 * @param outsideVerifiedDomains the federation ID is an address in none of the account's verified domains or
 *                               addresses: the user signs in only by SSO with exactly this ID, email-first sign-in
 *                               does not find them, and their mail is not the account's to seal
 */
public record UserView(long id, String federationId, UserOrigin origin, Instant createdAt, String createdBy,
                       Instant lastSignInAt, boolean passwordSet, boolean mustChangePassword, long addinSessions,
                       boolean outsideVerifiedDomains) implements Serializable {

    public static UserView of(AccountUser user, long addinSessions, boolean outsideVerifiedDomains) {
        return new UserView(user.getId(), user.getFederationId(), user.getOrigin(), user.getCreatedAt(),
                user.getCreatedBy(), user.getLastSignInAt(), user.password().isSet(), user.password().isMustChangePassword(),
                addinSessions, outsideVerifiedDomains);
    }
}
