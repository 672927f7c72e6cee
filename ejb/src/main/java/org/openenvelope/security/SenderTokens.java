package org.openenvelope.security;

import java.util.Optional;

/**
 * The bearer tokens the Outlook add-in holds for a signed-in sender. The authentication mechanism needs only
 * this question answered; the add-in feature answers it, so security does not depend on the add-in.
 */
public interface SenderTokens {

    /** The sender (their federation ID) a presented token stands for, while its add-in session lasts. */
    Optional<String> authenticate(String token);
}
