package org.openenvelope.saml;

/**
 * The account's own choices about its identity provider, apart from what the IdP's metadata says: given at import,
 * or changed on an imported configuration without entering it again. A null keeps the current value (at import,
 * whether AuthnRequests are signed is then what the metadata asks); an empty alternate email attribute removes it.
 */
public record IdentityProviderOptions(Integer clockSkewSeconds, Boolean allowSha1, Boolean allowIdpInitiated,
                                      Boolean justInTimeUsers, String alternateEmailAttribute,
                                      FederationIdSource federationIdSource, String federationIdAttribute,
                                      Boolean signAuthnRequests) {

    public static final IdentityProviderOptions KEEP = new IdentityProviderOptions(null, null, null, null, null, null,
            null, null);

    /** AuthnRequests signed ({@code sign} true) or not, everything else kept. */
    public static IdentityProviderOptions signingAuthnRequests(boolean sign) {
        return new IdentityProviderOptions(null, null, null, null, null, null, null, sign);
    }

    /** Users identified by the NameID (a null attribute) or by that attribute. */
    public static IdentityProviderOptions identifyingUsersBy(String attribute) {
        return new IdentityProviderOptions(null, null, null, null, null,
                attribute == null ? FederationIdSource.NAME_ID : FederationIdSource.ATTRIBUTE, attribute, null);
    }

    /** Every choice as {@code settings} has it. */
    public static IdentityProviderOptions of(IdentityProviderSettings settings) {
        return new IdentityProviderOptions(settings.clockSkewSeconds(), settings.allowSha1(),
                settings.allowIdpInitiated(), settings.justInTimeUsers(),
                settings.alternateEmailAttribute() == null ? "" : settings.alternateEmailAttribute(),
                settings.federationIdSource(), settings.federationIdAttribute(), settings.signAuthnRequests());
    }

    IdentityProviderSettings applyTo(IdentityProviderSettings s) {
        FederationIdSource source = federationIdSource != null ? federationIdSource
                : federationIdAttribute != null ? FederationIdSource.ATTRIBUTE : s.federationIdSource();
        String attribute = federationIdAttribute != null || source != FederationIdSource.ATTRIBUTE ? federationIdAttribute
                : s.federationIdAttribute();
        return new IdentityProviderSettings(s.entityId(), s.ssoUrl(), s.ssoBinding(),
                signAuthnRequests != null ? signAuthnRequests : s.signAuthnRequests(), s.sloUrl(), s.sloBinding(),
                clockSkewSeconds != null ? clockSkewSeconds : s.clockSkewSeconds(),
                allowSha1 != null ? allowSha1 : s.allowSha1(),
                allowIdpInitiated != null ? allowIdpInitiated : s.allowIdpInitiated(),
                justInTimeUsers != null ? justInTimeUsers : s.justInTimeUsers(),
                alternateEmailAttribute != null ? alternateEmailAttribute : s.alternateEmailAttribute(),
                source, attribute, s.certificates());
    }
}
