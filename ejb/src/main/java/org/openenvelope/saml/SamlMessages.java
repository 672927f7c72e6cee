package org.openenvelope.saml;

import java.time.Instant;
import org.openenvelope.saml.binding.SamlBinding;
import org.openenvelope.saml.validation.ServiceProviderParty;
import org.openenvelope.saml.xml.OpenSaml;
import org.openenvelope.websafe.FederatedSession;
import org.opensaml.saml.common.SAMLVersion;
import org.opensaml.saml.saml2.core.AuthnRequest;
import org.opensaml.saml.saml2.core.Issuer;
import org.opensaml.saml.saml2.core.LogoutRequest;
import org.opensaml.saml.saml2.core.LogoutResponse;
import org.opensaml.saml.saml2.core.NameID;
import org.opensaml.saml.saml2.core.NameIDPolicy;
import org.opensaml.saml.saml2.core.SessionIndex;
import org.opensaml.saml.saml2.core.Status;
import org.opensaml.saml.saml2.core.StatusCode;

/** The protocol messages this SP sends, unsigned (the binding signs them). */
public final class SamlMessages {

    private SamlMessages() {
    }

    /**
     * An AuthnRequest asking for the answer over HTTP-POST at our ACS. The NameID policy leaves the format to the
     * IdP (it is configured there) and allows it to create an identifier for a first-time user.
     */
    public static AuthnRequest authnRequest(ServiceProviderParty sp, String requestId, String destination, Instant now) {
        AuthnRequest request = OpenSaml.build(AuthnRequest.DEFAULT_ELEMENT_NAME);
        request.setID(requestId);
        request.setVersion(SAMLVersion.VERSION_20);
        request.setIssueInstant(now);
        request.setDestination(destination);
        request.setAssertionConsumerServiceURL(sp.assertionConsumerUrl());
        request.setProtocolBinding(SamlBinding.HTTP_POST.uri());
        request.setIssuer(issuer(sp));
        NameIDPolicy policy = OpenSaml.build(NameIDPolicy.DEFAULT_ELEMENT_NAME);
        policy.setAllowCreate(true);
        request.setNameIDPolicy(policy);
        return request;
    }

    /** A LogoutRequest for the session the IdP established, naming the user exactly as the IdP named them. */
    public static LogoutRequest logoutRequest(ServiceProviderParty sp, String requestId, String destination,
                                              FederatedSession session, Instant now) {
        LogoutRequest request = OpenSaml.build(LogoutRequest.DEFAULT_ELEMENT_NAME);
        request.setID(requestId);
        request.setVersion(SAMLVersion.VERSION_20);
        request.setIssueInstant(now);
        request.setDestination(destination);
        request.setNotOnOrAfter(now.plusSeconds(300));
        request.setIssuer(issuer(sp));
        NameID nameId = OpenSaml.build(NameID.DEFAULT_ELEMENT_NAME);
        nameId.setValue(session.nameId());
        nameId.setFormat(session.nameIdFormat());
        nameId.setNameQualifier(session.nameQualifier());
        nameId.setSPNameQualifier(session.spNameQualifier());
        request.setNameID(nameId);
        if (session.sessionIndex() != null) {
            SessionIndex index = OpenSaml.build(SessionIndex.DEFAULT_ELEMENT_NAME);
            index.setValue(session.sessionIndex());
            request.getSessionIndexes().add(index);
        }
        return request;
    }

    /** Our answer to an IdP's LogoutRequest. */
    public static LogoutResponse logoutResponse(ServiceProviderParty sp, String inResponseTo, String destination,
                                                String statusCode, Instant now) {
        LogoutResponse response = OpenSaml.build(LogoutResponse.DEFAULT_ELEMENT_NAME);
        response.setID("_" + IdentifierGenerator.next());
        response.setVersion(SAMLVersion.VERSION_20);
        response.setIssueInstant(now);
        response.setInResponseTo(inResponseTo);
        response.setDestination(destination);
        response.setIssuer(issuer(sp));
        StatusCode code = OpenSaml.build(StatusCode.DEFAULT_ELEMENT_NAME);
        code.setValue(statusCode);
        Status status = OpenSaml.build(Status.DEFAULT_ELEMENT_NAME);
        status.setStatusCode(code);
        response.setStatus(status);
        return response;
    }

    private static Issuer issuer(ServiceProviderParty sp) {
        Issuer issuer = OpenSaml.build(Issuer.DEFAULT_ELEMENT_NAME);
        issuer.setValue(sp.entityId());
        return issuer;
    }
}
