package org.openenvelope.saml;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.openenvelope.saml.metadata.IdentityProviderMetadata;
import org.openenvelope.saml.xml.Certificates;

/** How an identity provider configuration changes: from metadata, and what differs, for the audit log and previews. */
final class IdentityProviderChanges {

    private IdentityProviderChanges() {
    }

    /**
     * What the metadata says, with the account's own choices kept from {@code kept} (null: defaults); AuthnRequests
     * are signed as the metadata asks ({@link AuthnRequestSigning#atImport}).
     */
    static IdentityProviderSettings fromMetadata(IdentityProviderSettings kept, IdentityProviderMetadata metadata) {
        return new IdentityProviderSettings(metadata.entityId(), metadata.signOn().get(metadata.preferredSignOnBinding()),
                metadata.preferredSignOnBinding(), AuthnRequestSigning.atImport(metadata),
                metadata.logout().get(metadata.preferredLogoutBinding()),
                metadata.preferredLogoutBinding(),
                kept == null ? IdentityProviderSettings.DEFAULT_CLOCK_SKEW_SECONDS : kept.clockSkewSeconds(),
                kept != null && kept.allowSha1(), kept != null && kept.allowIdpInitiated(),
                kept != null && kept.justInTimeUsers(), kept == null ? null : kept.alternateEmailAttribute(),
                kept == null ? FederationIdSource.NAME_ID : kept.federationIdSource(),
                kept == null ? null : kept.federationIdAttribute(), metadata.signingCertificates());
    }

    /** Whether both describe the same identity provider (entity ID, endpoints, certificates), whatever the options. */
    static boolean sameIdentityProvider(IdentityProviderSettings a, IdentityProviderSettings b) {
        return Objects.equals(a.entityId(), b.entityId()) && Objects.equals(a.ssoUrl(), b.ssoUrl())
                && a.ssoBinding() == b.ssoBinding() && Objects.equals(a.sloUrl(), b.sloUrl())
                && a.sloBinding() == b.sloBinding() && fingerprints(a).equals(fingerprints(b));
    }

    /** What differs between two configurations, one line each. */
    static List<String> between(IdentityProviderSettings before, IdentityProviderSettings after) {
        List<String> changes = new ArrayList<>();
        if (before == null) {
            changes.add("new identity provider " + after.entityId());
            return changes;
        }
        change(changes, "entity ID", before.entityId(), after.entityId());
        change(changes, "SSO URL", before.ssoUrl(), after.ssoUrl());
        change(changes, "SSO binding", before.ssoBinding(), after.ssoBinding());
        change(changes, "AuthnRequests signed", before.signAuthnRequests(), after.signAuthnRequests());
        change(changes, "logout URL", before.sloUrl(), after.sloUrl());
        change(changes, "logout binding", before.sloBinding(), after.sloBinding());
        change(changes, "clock skew (s)", before.clockSkewSeconds(), after.clockSkewSeconds());
        change(changes, "SHA-1 allowed", before.allowSha1(), after.allowSha1());
        change(changes, "IdP-initiated sign-in allowed", before.allowIdpInitiated(), after.allowIdpInitiated());
        change(changes, "just-in-time users", before.justInTimeUsers(), after.justInTimeUsers());
        change(changes, "alternate email attribute", before.alternateEmailAttribute(), after.alternateEmailAttribute());
        change(changes, "users identified by", identifiedBy(before), identifiedBy(after));
        change(changes, "trusted certificates", fingerprints(before), fingerprints(after));
        return changes;
    }

    /** Which value identifies users, in words. */
    static String identifiedBy(IdentityProviderSettings settings) {
        switch (settings.federationIdSource()) {
            case NAME_ID:
                return "the NameID";
            case ATTRIBUTE:
                return "the attribute " + settings.federationIdAttribute();
            default:
                return "the alternate email attribute, uid, then the NameID (as before the upgrade)";
        }
    }

    /** The fingerprints of the configuration's trusted certificates, as one list. */
    static String fingerprints(IdentityProviderSettings settings) {
        return settings.certificates().stream().map(Certificates::fingerprint).toList().toString();
    }

    private static void change(List<String> changes, String what, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            changes.add(what + " " + (before == null ? "(none)" : before) + " → " + (after == null ? "(none)" : after));
        }
    }
}
