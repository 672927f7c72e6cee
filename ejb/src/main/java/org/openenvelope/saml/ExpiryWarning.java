package org.openenvelope.saml;

import java.time.Instant;

/**
 * Something an account's SSO depends on that expires soon (or has expired): an IdP signing certificate, an SP key's
 * certificate, or imported IdP metadata.
 *
 * @param what e.g. "IdP signing certificate (active)", "SP key (next)", "IdP metadata (draft)"
 */
public record ExpiryWarning(String accountNumber, String accountName, String what, String subject, String fingerprint,
                            Instant expiresAt, boolean expired) {
}
