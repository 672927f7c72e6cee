package org.openenvelope.saml.validation;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;

/**
 * What the service trusts about an account's identity provider when it checks a message from it.
 *
 * @param entityId            the IdP's entity ID, compared exactly with every Issuer
 * @param signingCertificates every certificate whose key may sign (several at once, so the IdP can roll keys
 *                            over without an outage)
 * @param clockSkew           how far the two clocks may disagree; capped at {@link #MAX_CLOCK_SKEW}
 * @param allowSha1           whether SHA-1 signatures and digests are accepted from this IdP (an administrator's
 *                            explicit, audited exception for old IdPs)
 * @param allowUnsolicited    whether IdP-initiated sign-in (a Response without InResponseTo) is accepted
 */
public record IdentityProviderTrust(String entityId, List<X509Certificate> signingCertificates, Duration clockSkew,
                                    boolean allowSha1, boolean allowUnsolicited) {

    public static final Duration DEFAULT_CLOCK_SKEW = Duration.ofSeconds(60);
    public static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(5);

    public IdentityProviderTrust {
        if (entityId == null || entityId.isBlank()) {
            throw new IllegalArgumentException("the identity provider needs an entity ID");
        }
        signingCertificates = List.copyOf(signingCertificates);
        if (clockSkew == null) {
            clockSkew = DEFAULT_CLOCK_SKEW;
        }
        if (clockSkew.isNegative() || clockSkew.compareTo(MAX_CLOCK_SKEW) > 0) {
            throw new IllegalArgumentException("the clock skew must be between 0 and " + MAX_CLOCK_SKEW.toSeconds() + " s");
        }
    }
}
