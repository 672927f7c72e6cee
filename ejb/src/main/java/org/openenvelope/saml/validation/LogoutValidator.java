package org.openenvelope.saml.validation;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.openenvelope.saml.xml.NameIdFormats;
import org.openenvelope.saml.xml.SamlFailure;
import org.openenvelope.saml.xml.SamlRejectedException;
import org.openenvelope.saml.xml.XmlSignatureCheck;
import org.opensaml.saml.saml2.core.LogoutRequest;
import org.opensaml.saml.saml2.core.LogoutResponse;
import org.opensaml.saml.saml2.core.NameID;
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

    /** An IdP's request to end sessions of a user, who is named by the whole NameID (value, Format, qualifiers). */
    public record IncomingLogoutRequest(String id, String nameId, String nameIdFormat, String nameQualifier,
                                        String spNameQualifier, List<String> sessionIndexes) {

        /**
         * Whether this request names the user as an assertion named them: the same value, Format (none meaning
         * unspecified) and qualifiers, so that an IdP cannot end a session it did not issue by reusing a value.
         */
        public boolean names(String value, String format, String qualifier, String spQualifier) {
            return nameId.equals(value) && formatOf(nameIdFormat).equals(formatOf(format))
                    && Objects.equals(nameQualifier, qualifier) && Objects.equals(spNameQualifier, spQualifier);
        }

        private static String formatOf(String format) {
            return format == null ? NameIdFormats.UNSPECIFIED : format;
        }
    }

    /** The IdP's answer to our LogoutRequest. */
    public record IncomingLogoutResponse(String inResponseTo, boolean success, String status) {
    }

    /** Who a logout message says sent it, not yet verified: it picks whose keys verify the message. */
    public static String claimedIssuer(byte[] xml, boolean request) {
        org.opensaml.saml.saml2.core.Issuer issuer = request
                ? MessageChecks.parse(xml, LogoutRequest.class, "LogoutRequest").getIssuer()
                : MessageChecks.parse(xml, LogoutResponse.class, "LogoutResponse").getIssuer();
        return issuer == null ? null : issuer.getValue();
    }

    /**
     * @param bindingSignatureVerified true when the Redirect binding's query-string signature already verified
     */
    public IncomingLogoutRequest validateRequest(byte[] xml, boolean bindingSignatureVerified) {
        LogoutRequest request = MessageChecks.parse(xml, LogoutRequest.class, "LogoutRequest");
        MessageChecks.requireIssuer(request.getIssuer(), "LogoutRequest", idp);
        requireSignature(request, bindingSignatureVerified);
        requireDestination(request.getDestination(), "LogoutRequest");
        Instant now = clock.instant();
        if (request.getNotOnOrAfter() != null && !now.isBefore(request.getNotOnOrAfter().plus(idp.clockSkew()))) {
            throw new SamlRejectedException(SamlFailure.EXPIRED, "The LogoutRequest expired at " + request.getNotOnOrAfter() + ".");
        }
        if (request.getNameID() == null || request.getNameID().getValue() == null) {
            throw new SamlRejectedException(SamlFailure.NAME_ID_MISSING, "The LogoutRequest names no user.");
        }
        NameID nameId = request.getNameID();
        return new IncomingLogoutRequest(request.getID(), nameId.getValue(), nameId.getFormat(), nameId.getNameQualifier(),
                nameId.getSPNameQualifier(), request.getSessionIndexes().stream().map(SessionIndex::getValue).toList());
    }

    /**
     * @param requests our outstanding LogoutRequests; the answered one is consumed
     */
    public IncomingLogoutResponse validateResponse(byte[] xml, boolean bindingSignatureVerified, RequestTracker requests) {
        LogoutResponse response = MessageChecks.parse(xml, LogoutResponse.class, "LogoutResponse");
        MessageChecks.requireIssuer(response.getIssuer(), "LogoutResponse", idp);
        requireSignature(response, bindingSignatureVerified);
        requireDestination(response.getDestination(), "LogoutResponse");
        if (response.getInResponseTo() == null || !requests.consume(response.getInResponseTo())) {
            throw new SamlRejectedException(SamlFailure.UNKNOWN_REQUEST, "The LogoutResponse answers "
                    + response.getInResponseTo() + ", which is not an outstanding logout of this account.");
        }
        boolean success = IdpStatus.isSuccess(response.getStatus());
        return new IncomingLogoutResponse(response.getInResponseTo(), success,
                success ? "Success" : IdpStatus.describe(response.getStatus()));
    }

    private void requireSignature(org.opensaml.saml.common.SignableSAMLObject message, boolean bindingSignatureVerified) {
        if (message.isSigned()) {
            XmlSignatureCheck.verify(message, "The logout message", idp.signingCertificates(), idp.allowSha1());
        } else if (!bindingSignatureVerified) {
            throw new SamlRejectedException(SamlFailure.SIGNATURE_MISSING, "The logout message is not signed.");
        }
    }

    private void requireDestination(String destination, String where) {
        MessageChecks.requireDestination(destination, where, "Single Logout service", sp.singleLogoutUrl(), false);
    }
}
