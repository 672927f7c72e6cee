package org.openenvelope.saml.binding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openenvelope.saml.ResponseFixture;
import org.openenvelope.saml.SamlMessages;
import org.openenvelope.saml.TestKeys;
import org.openenvelope.saml.xml.OpenSaml;
import org.openenvelope.saml.xml.SamlFailure;
import org.openenvelope.saml.xml.SamlRejectedException;
import org.openenvelope.saml.xml.XmlSignatureCheck;
import org.opensaml.saml.saml2.core.AuthnRequest;

class MessageEncoderTest {

    private static final String SSO = "https://idp.example/sso";

    private static AuthnRequest request() {
        OpenSaml.ensureInitialized();
        return SamlMessages.authnRequest(ResponseFixture.serviceProvider(), "_r1", SSO, Instant.parse("2026-12-01T12:00:00Z"));
    }

    private static AuthnRequest posted(OutgoingMessage message) {
        OutgoingMessage.Post post = (OutgoingMessage.Post) message;
        return (AuthnRequest) OpenSaml.parse(PostBinding.decode(RedirectBinding.SAML_REQUEST,
                post.fields().get(RedirectBinding.SAML_REQUEST)));
    }

    @Test
    void anUnsignedRedirectCarriesNoSigAlgOrSignature() {
        OutgoingMessage.Redirect redirect = (OutgoingMessage.Redirect) MessageEncoder.encodeUnsigned(
                SamlBinding.HTTP_REDIRECT, SSO, RedirectBinding.SAML_REQUEST, request(), "_r1");

        String query = URI.create(redirect.url()).getRawQuery();
        assertFalse(query.contains("SigAlg=") || query.contains("Signature="), query);
        RedirectBinding.Received received = RedirectBinding.decode(query, RedirectBinding.SAML_REQUEST);
        assertFalse(received.isSigned());
        assertNull(received.sigAlg());
        assertEquals("_r1", received.relayState());
        AuthnRequest request = (AuthnRequest) OpenSaml.parse(received.xml());
        assertEquals("_r1", request.getID());
        assertNull(request.getSignature(), "no XML signature either");
        assertEquals(SamlFailure.SIGNATURE_MISSING, assertThrows(SamlRejectedException.class,
                () -> received.verify(List.of(TestKeys.SP.getEntityCertificate()), false)).failure());
    }

    @Test
    void aSignedRedirectVerifiesWithTheKeysCertificate() {
        OutgoingMessage.Redirect redirect = (OutgoingMessage.Redirect) MessageEncoder.encode(SamlBinding.HTTP_REDIRECT,
                SSO, RedirectBinding.SAML_REQUEST, request(), "_r1", TestKeys.SP);

        String query = URI.create(redirect.url()).getRawQuery();
        assertTrue(query.contains("&SigAlg=") && query.contains("&Signature="), query);
        RedirectBinding.decode(query, RedirectBinding.SAML_REQUEST).verify(List.of(TestKeys.SP.getEntityCertificate()), false);
    }

    @Test
    void anUnsignedPostCarriesNoXmlSignature() {
        AuthnRequest request = posted(MessageEncoder.encodeUnsigned(SamlBinding.HTTP_POST, SSO,
                RedirectBinding.SAML_REQUEST, request(), "_r1"));
        assertFalse(request.isSigned());
        assertNull(request.getSignature());
    }

    @Test
    void aSignedPostCarriesAnEnvelopedSignatureThatVerifies() {
        AuthnRequest request = posted(MessageEncoder.encode(SamlBinding.HTTP_POST, SSO, RedirectBinding.SAML_REQUEST,
                request(), "_r1", TestKeys.SP));
        assertTrue(request.isSigned());
        XmlSignatureCheck.verify(request, "The AuthnRequest", List.of(TestKeys.SP.getEntityCertificate()), false);
    }

    @Test
    void aMissingKeyIsRefusedRatherThanSendingTheMessageUnsigned() {
        assertThrows(NullPointerException.class, () -> MessageEncoder.encode(SamlBinding.HTTP_REDIRECT, SSO,
                RedirectBinding.SAML_REQUEST, request(), null, null));
        assertThrows(NullPointerException.class, () -> MessageEncoder.encode(SamlBinding.HTTP_POST, SSO,
                RedirectBinding.SAML_REQUEST, request(), null, null));
    }
}
