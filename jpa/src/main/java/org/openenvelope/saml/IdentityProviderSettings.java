package org.openenvelope.saml;

import java.net.URI;
import java.net.URISyntaxException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.openenvelope.error.RejectedValuesException;
import org.openenvelope.error.ValueProblem;
import org.openenvelope.saml.binding.SamlBinding;
import org.openenvelope.saml.xml.Certificates;

/**
 * An account's identity provider as an administrator enters it (the Details tab's manual entry, or the REST API).
 *
 * @param ssoBinding              how AuthnRequests are sent: the binding the IdP prefers
 * @param signAuthnRequests       whether AuthnRequests are signed with the SP key: RSA signing costs CPU time at
 *                                every sign-in start, so only where the IdP requires it or its administrator chooses
 * @param sloUrl                  optional; without it, signing out ends only the local session
 * @param certificates            the IdP's signing certificates, all trusted (rollover)
 * @param alternateEmailAttribute optional assertion attribute carrying the user's email when the NameID is not
 * @param federationIdSource      what identifies the user: the NameID or {@code federationIdAttribute}
 * @param federationIdAttribute   the attribute identifying the user, with {@link FederationIdSource#ATTRIBUTE} only
 */
public record IdentityProviderSettings(String entityId, String ssoUrl, SamlBinding ssoBinding,
                                       boolean signAuthnRequests, String sloUrl, SamlBinding sloBinding,
                                       int clockSkewSeconds, boolean allowSha1,
                                       boolean allowIdpInitiated, boolean justInTimeUsers,
                                       String alternateEmailAttribute, FederationIdSource federationIdSource,
                                       String federationIdAttribute, List<X509Certificate> certificates) {

    public static final int DEFAULT_CLOCK_SKEW_SECONDS = 60;
    public static final int MAX_CLOCK_SKEW_SECONDS = 300;
    static final int MAX_ENTITY_ID = 1024;
    static final int MAX_URL = 2048;
    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]");

    public IdentityProviderSettings {
        certificates = certificates == null ? List.of() : List.copyOf(certificates);
        entityId = trimmed(entityId);
        ssoUrl = trimmed(ssoUrl);
        sloUrl = trimmed(sloUrl);
        alternateEmailAttribute = trimmed(alternateEmailAttribute);
        federationIdAttribute = trimmed(federationIdAttribute);
        if (federationIdSource == null) {
            federationIdSource = federationIdAttribute == null ? FederationIdSource.NAME_ID : FederationIdSource.ATTRIBUTE;
        }
        ssoBinding = ssoBinding == null ? SamlBinding.HTTP_REDIRECT : ssoBinding;
        sloBinding = sloBinding == null ? SamlBinding.HTTP_REDIRECT : sloBinding;
    }

    /** The same settings, with AuthnRequests signed or not. */
    public IdentityProviderSettings withSignAuthnRequests(boolean sign) {
        return new IdentityProviderSettings(entityId, ssoUrl, ssoBinding, sign, sloUrl, sloBinding, clockSkewSeconds,
                allowSha1, allowIdpInitiated, justInTimeUsers, alternateEmailAttribute, federationIdSource,
                federationIdAttribute, certificates);
    }

    /**
     * Every problem at once, each naming its field.
     *
     * @throws RejectedValuesException unless every value is acceptable at {@code now}
     */
    public IdentityProviderSettings validated(Instant now) {
        List<ValueProblem> problems = new ArrayList<>();
        if (entityId == null) {
            problems.add(new ValueProblem("entityId", "", "The identity provider's entity ID is required."));
        } else if (entityId.length() > MAX_ENTITY_ID || entityId.chars().anyMatch(Character::isWhitespace)) {
            problems.add(new ValueProblem("entityId", entityId, "The entity ID must be at most " + MAX_ENTITY_ID
                    + " characters without spaces."));
        }
        urlProblem("ssoUrl", "SSO customer service URL (the IdP's sign-in endpoint)", ssoUrl, true, problems);
        urlProblem("sloUrl", "SSO logout URL", sloUrl, false, problems);
        if (clockSkewSeconds < 0 || clockSkewSeconds > MAX_CLOCK_SKEW_SECONDS) {
            problems.add(new ValueProblem("clockSkewSeconds", Integer.toString(clockSkewSeconds),
                    "The clock skew must be between 0 and " + MAX_CLOCK_SKEW_SECONDS + " seconds."));
        }
        attributeNameProblem("alternateEmailAttribute", alternateEmailAttribute, problems);
        attributeNameProblem("federationIdAttribute", federationIdAttribute, problems);
        if (federationIdSource == FederationIdSource.ATTRIBUTE && federationIdAttribute == null) {
            problems.add(new ValueProblem("federationIdAttribute", "", "Name the attribute that identifies users, or"
                    + " identify them by the NameID."));
        } else if (federationIdSource != FederationIdSource.ATTRIBUTE && federationIdAttribute != null) {
            problems.add(new ValueProblem("federationIdAttribute", federationIdAttribute, "An attribute identifies"
                    + " users only when federationIdSource is ATTRIBUTE; it is " + federationIdSource + "."));
        }
        if (certificates.isEmpty()) {
            problems.add(new ValueProblem("certificates", "", "At least one identity-provider verification "
                    + "certificate is required: without it no sign-in answer can be trusted."));
        }
        for (X509Certificate certificate : certificates) {
            String fingerprint = Certificates.fingerprint(certificate);
            if (now.isBefore(certificate.getNotBefore().toInstant())) {
                problems.add(new ValueProblem("certificates", fingerprint, "The certificate \""
                        + certificate.getSubjectX500Principal().getName() + "\" is not valid before "
                        + certificate.getNotBefore().toInstant() + "."));
            } else if (now.isAfter(certificate.getNotAfter().toInstant())) {
                problems.add(new ValueProblem("certificates", fingerprint, "The certificate \""
                        + certificate.getSubjectX500Principal().getName() + "\" expired on "
                        + certificate.getNotAfter().toInstant() + "."));
            }
        }
        if (!problems.isEmpty()) {
            throw new RejectedValuesException(problems);
        }
        return this;
    }

    /** Endpoints must be absolute https URLs; http is accepted for loopback only, where tests and local IdPs run. */
    private static void urlProblem(String field, String label, String value, boolean required, List<ValueProblem> problems) {
        if (value == null) {
            if (required) {
                problems.add(new ValueProblem(field, "", "The " + label + " is required."));
            }
            return;
        }
        if (value.length() > MAX_URL) {
            problems.add(new ValueProblem(field, value.substring(0, 60) + "…", "The " + label + " is longer than "
                    + MAX_URL + " characters."));
            return;
        }
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            boolean loopback = uri.getHost() != null && LOOPBACK.contains(uri.getHost().toLowerCase(Locale.ROOT));
            if (uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http") && loopback)) {
                problems.add(new ValueProblem(field, value, "The " + label + " must be an absolute https:// URL."));
            } else if (uri.getRawFragment() != null) {
                problems.add(new ValueProblem(field, value, "The " + label + " must not contain a #fragment."));
            }
        } catch (URISyntaxException e) {
            problems.add(new ValueProblem(field, value, "The " + label + " is not a valid URL: " + e.getReason() + "."));
        }
    }

    private static void attributeNameProblem(String field, String name, List<ValueProblem> problems) {
        if (name != null && (name.length() > 256 || name.chars().anyMatch(Character::isISOControl))) {
            problems.add(new ValueProblem(field, name.substring(0, Math.min(40, name.length())) + "…",
                    "The attribute name must be at most 256 characters, without control characters."));
        }
    }

    private static String trimmed(String value) {
        if (value == null) {
            return null;
        }
        String stripped = value.strip();
        return stripped.isEmpty() ? null : stripped;
    }
}
