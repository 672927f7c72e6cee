package org.openenvelope.administrator;

import java.io.Serializable;
import java.time.Instant;
import org.openenvelope.security.AdministratorRole;

/** An administrator as the Groups tab and the API show it; never the password hash. */
public record AdministratorView(long id, String email, String displayName, AdministratorRole role,
                                Instant createdAt, Instant lastSignInAt, boolean mustChangePassword,
                                boolean secondFactor) implements Serializable {

    static AdministratorView of(Administrator administrator) {
        return new AdministratorView(administrator.getId(), administrator.getEmail(),
                administrator.getDisplayName(), administrator.getRole(), administrator.getCreatedAt(),
                administrator.getLastSignInAt(), administrator.isMustChangePassword(),
                administrator.hasSecondFactor());
    }
}
