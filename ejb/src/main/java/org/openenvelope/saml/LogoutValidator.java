package org.openenvelope.saml;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.opensaml.core.xml.XMLObject;
import org.opensaml.saml.saml2.core.Issuer;
import org.opensaml.saml.saml2.core.LogoutRequest;
import org.opensaml.saml.saml2.core.LogoutResponse;
import org.opensaml.saml.saml2.core.SessionIndex;

/**
 * Checks Single Logout messages from the IdP: its LogoutRequests (IdP-initiated logout) and its LogoutResponses
 * to ours. A logout message must be signed (by the binding or in the XML) by a trusted key: an unsigned one would
 * let anyone sign a user out, or fake a confirmed logout.
 */
public final class LogoutValidator {

    private final ServiceProviderParty sp;
    private final IdentityProviderTrust idp;
    private final Clock clock;

    public LogoutValidator(ServiceProviderParty sp, IdentityProviderTrust idp, Clock clock) {
        this.sp = sp;
        this.idp = idp;
        this.clock = clock;
    }

    /** An IdP's request to end sessions of a user. */
    public record IncomingLogoutRequest(String id, String nameId, List<String> sessionIndexes) {
    }

    /** The IdP's answer to our LogoutRequest. */
    public record IncomingLogoutResponse(String inResponseTo, boolean success, String status) {
    }

    /**
     * @param bindingSignatureVerified true when the Redirect binding's query-string signature already verified
     */
    public IncomingLogoutRequest validateRequest(byte[] xml, boolean bindingSignatureVerified) {
        LogoutRequest request = parse(xml, LogoutRequest.class);
        requireIssuer(request.getIssuer());
        requireSignature(request, bindingSignatureVerified);
        requireDestination(request.getDestination());
        Instant now = clock.instant();
        if (request.getNotOnOrAfter() != null && !now.isBefore(request.getNotOnOrAfter().plus(idp.clockSkew()))) {
            throw new SamlRejectedException(SamlFailure.EXPIRED, "The LogoutRequest expired at " + request.getNotOnOrAfter() + ".");
        }
        if (request.getNameID() == null || request.getNameID().getValue() == null) {
            throw new SamlRejectedException(SamlFailure.NAME_ID_MISSING, "The LogoutRequest names no user.");
        }
        return new IncomingLogoutRequest(request.getID(), request.getNameID().getValue(),
                request.getSessionIndexes().stream().map(SessionIndex::getValue).toList());
    }

    /**
     * @param requests our outstanding LogoutRequests; the answered one is consumed
     */
    public IncomingLogoutResponse validateResponse(byte[] xml, boolean bindingSignatureVerified, RequestTracker requests) {
        LogoutResponse response = parse(xml, LogoutResponse.class);
        requireIssuer(response.getIssuer());
        requireSignature(response, bindingSignatureVerified);
        requireDestination(response.getDestination());
        if (response.getInResponseTo() == null || !requests.consume(response.getInResponseTo())) {
            throw new SamlRejectedException(SamlFailure.UNKNOWN_REQUEST, "The LogoutResponse answers "
                    + response.getInResponseTo() + ", which is not an outstanding logout of this account.");
        }
        boolean success = IdpStatus.isSuccess(response.getStatus());
        return new IncomingLogoutResponse(response.getInResponseTo(), success,
                success ? "Success" : IdpStatus.describe(response.getStatus()));
    }

    private static <T> T parse(byte[] xml, Class<T> type) {
        XMLObject parsed;
        try {
            parsed = OpenSaml.parse(xml);
        } catch (XmlRejectedException e) {
            throw new SamlRejectedException(SamlFailure.MALFORMED_MESSAGE, e.getMessage());
        }
        if (!type.isInstance(parsed)) {
            throw new SamlRejectedException(SamlFailure.WRONG_MESSAGE_TYPE, "Expected a " + type.getSimpleName()
                    + ", received " + parsed.getElementQName().getLocalPart() + ".");
        }
        return type.cast(parsed);
    }

    private void requireIssuer(Issuer issuer) {
        if (issuer == null || !idp.entityId().equals(issuer.getValue())) {
            throw new SamlRejectedException(SamlFailure.ISSUER_MISMATCH, "The logout message was issued by "
                    + (issuer == null ? "nobody" : "\"" + issuer.getValue() + "\"") + ", not by \"" + idp.entityId() + "\".");
        }
    }

    private void requireSignature(org.opensaml.saml.common.SignableSAMLObject message, boolean bindingSignatureVerified) {
        if (message.isSigned()) {
            XmlSignatureCheck.verify(message, "The logout message", idp.signingCertificates(), idp.allowSha1());
        } else if (!bindingSignatureVerified) {
            throw new SamlRejectedException(SamlFailure.SIGNATURE_MISSING, "The logout message is not signed.");
        }
    }

    private void requireDestination(String destination) {
        if (destination != null && !destination.equals(sp.singleLogoutUrl())) {
            throw new SamlRejectedException(SamlFailure.DESTINATION_MISMATCH, "The logout message is addressed to "
                    + destination + ", not to " + sp.singleLogoutUrl() + ".");
        }
    }
}
