package org.openenvelope.user;

import java.time.Instant;

/**
 * A user as the portal and the API list it.
 *
 * @param addinSessions how many Outlook add-ins the user is signed in to now
 */
public record UserView(long id, String federationId, UserOrigin origin, Instant createdAt, String createdBy,
                       Instant lastSignInAt, boolean passwordSet, boolean mustChangePassword, long addinSessions) {

    public static UserView of(AccountUser user, long addinSessions) {
        return new UserView(user.getId(), user.getFederationId(), user.getOrigin(), user.getCreatedAt(),
                user.getCreatedBy(), user.getLastSignInAt(), user.password().isSet(), user.password().isMustChangePassword(),
                addinSessions);
    }
}
