package org.openenvelope.saml;

import java.time.Instant;
import org.openenvelope.error.InvalidValueException;
import org.openenvelope.saml.binding.MessageEncoder;
import org.openenvelope.saml.binding.OutgoingMessage;
import org.openenvelope.saml.binding.RedirectBinding;
import org.openenvelope.saml.metadata.IdentityProviderMetadata;
import org.openenvelope.saml.validation.ServiceProviderParty;
import org.opensaml.saml.saml2.core.AuthnRequest;

/**
 * Whether the AuthnRequests sent to an identity provider are signed: one choice per identity provider
 * ({@link IdentityProviderSettings#signAuthnRequests()}), as Shibboleth and Keycloak let one choose. Entered by hand,
 * requests are signed unless the administrator says otherwise; imported, they are signed when the metadata's
 * WantAuthnRequestsSigned asks for it, unless the administrator chooses to sign anyway.
 *
 * <p>Security: an AuthnRequest only asks the identity provider to sign someone in and answer at this service's ACS.
 * What is trusted is the IdP's signed Response, bound to the request by InResponseTo and to the browser by its key;
 * an unsigned request lets nobody ask the IdP for anything they could not ask it for themselves. Its signature
 * matters only to an IdP that insists on it (it refuses unsigned requests, or trusts the ACS URL in a request only
 * when signed), and it costs an RSA private-key operation at every sign-in start, so it is made only where wanted.
 * Logout messages are always signed: they end sessions. An administrator can never turn signing off for an IdP whose
 * metadata says it accepts only signed requests, since every sign-in would then fail at the IdP.
 */
public final class AuthnRequestSigning {

    /** The form field and API property of the choice. */
    public static final String FIELD = "signAuthnRequests";

    private AuthnRequestSigning() {
    }

    /** The choice an import makes unless the administrator makes it: what the metadata asks for. */
    static boolean atImport(IdentityProviderMetadata metadata) {
        return metadata.wantAuthnRequestsSigned();
    }

    /**
     * The choice after a refresh of the metadata: signed whenever the metadata now asks for it. Otherwise a
     * configuration that followed the metadata read last time follows it again (the IdP no longer asks, so signing
     * stops), and one whose administrator chose to sign although the metadata did not ask keeps signing, as does one
     * imported before what the metadata asked was kept ({@code wantedBefore} null), so an upgrade changes nothing.
     *
     * @param signing      whether requests are signed now
     * @param wantedBefore what the metadata read last time asked for; null when not known
     */
    static boolean atRefresh(boolean signing, Boolean wantedBefore, IdentityProviderMetadata metadata) {
        if (metadata.wantAuthnRequestsSigned()) {
            return true;
        }
        boolean followedTheMetadata = wantedBefore != null && wantedBefore == signing;
        return signing && !followedTheMetadata;
    }

    /**
     * Refuses to turn signing off for an identity provider whose metadata says it accepts only signed requests.
     *
     * @param metadataWantsSigned what the IdP's metadata asks for; null for a configuration entered by hand
     * @throws InvalidValueException on {@value #FIELD} when {@code settings} send unsigned requests to such an IdP
     */
    static void requireAccepted(IdentityProviderSettings settings, Boolean metadataWantsSigned) {
        if (Boolean.TRUE.equals(metadataWantsSigned) && !settings.signAuthnRequests()) {
            throw new InvalidValueException(FIELD, "Sign-in requests to " + settings.entityId() + " must be signed:"
                    + " its metadata says it accepts only signed requests (WantAuthnRequestsSigned). Keep signing on, or"
                    + " let the identity provider accept unsigned requests and import its metadata again.");
        }
    }

    /** The AuthnRequest on the identity provider's binding, signed with the SP's active key when the settings say so. */
    static OutgoingMessage encode(IdentityProviderSettings settings, ServiceProviderParty sp, String requestId,
                                  Instant now) {
        AuthnRequest request = SamlMessages.authnRequest(sp, requestId, settings.ssoUrl(), now);
        return settings.signAuthnRequests()
                ? MessageEncoder.encode(settings.ssoBinding(), settings.ssoUrl(), RedirectBinding.SAML_REQUEST, request,
                requestId, sp.signingKey())
                : MessageEncoder.encodeUnsigned(settings.ssoBinding(), settings.ssoUrl(), RedirectBinding.SAML_REQUEST,
                request, requestId);
    }
}
