package org.openenvelope.saml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.openenvelope.saml.binding.SamlBinding;
import org.openenvelope.saml.xml.NameIdFormats;
import org.openenvelope.websafe.FederatedSession;
import org.opensaml.saml.saml2.core.AuthnRequest;
import org.opensaml.saml.saml2.core.LogoutRequest;

class SamlMessagesTest {

    @Test
    void asksForTheAnswerOverPostAtTheAccountsAssertionConsumer() {
        AuthnRequest request = SamlMessages.authnRequest(ResponseFixture.serviceProvider(), "_r1",
                "https://idp.example/sso", ResponseFixture.NOW);
        assertEquals("_r1", request.getID());
        assertEquals("https://idp.example/sso", request.getDestination());
        assertEquals(ResponseFixture.ACS_URL, request.getAssertionConsumerServiceURL());
        assertEquals(SamlBinding.HTTP_POST.uri(), request.getProtocolBinding());
        assertEquals(ResponseFixture.SP_ENTITY_ID, request.getIssuer().getValue());
        assertTrue(request.getNameIDPolicy().getAllowCreate());
    }

    @Test
    void logsOutTheUserExactlyAsTheIdentityProviderNamedThem() {
        FederatedSession session = new FederatedSession("a1b2", NameIdFormats.TRANSIENT, "https://idp.example",
                ResponseFixture.SP_ENTITY_ID, "_s9");
        LogoutRequest request = SamlMessages.logoutRequest(ResponseFixture.serviceProvider(), "_l1",
                "https://idp.example/slo", session, ResponseFixture.NOW);
        assertEquals("a1b2", request.getNameID().getValue());
        assertEquals(NameIdFormats.TRANSIENT, request.getNameID().getFormat());
        assertEquals("https://idp.example", request.getNameID().getNameQualifier());
        assertEquals(ResponseFixture.SP_ENTITY_ID, request.getNameID().getSPNameQualifier());
        assertEquals("_s9", request.getSessionIndexes().get(0).getValue());
        assertEquals(ResponseFixture.NOW.plusSeconds(300), request.getNotOnOrAfter());
    }
}
