package org.openenvelope.saml.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.openenvelope.saml.ResponseFixture;
import org.openenvelope.saml.SamlMessages;
import org.openenvelope.saml.TestKeys;
import org.openenvelope.saml.xml.NameIdFormats;
import org.openenvelope.saml.xml.OpenSaml;
import org.openenvelope.saml.xml.SamlFailure;
import org.openenvelope.saml.xml.SamlRejectedException;
import org.openenvelope.saml.xml.XmlSigner;
import org.openenvelope.websafe.FederatedSession;
import org.opensaml.saml.saml2.core.LogoutRequest;
import org.opensaml.saml.saml2.core.LogoutResponse;
import org.opensaml.saml.saml2.core.StatusCode;

class LogoutValidatorTest {

    private static final FederatedSession SESSION = new FederatedSession("alice@example.com",
            NameIdFormats.EMAIL_ADDRESS, null, null, "_session-1");
    private final LogoutValidator validator = new LogoutValidator(ResponseFixture.serviceProvider(),
            ResponseFixture.trust(), ResponseFixture.clockAt(ResponseFixture.NOW));

    /** A LogoutRequest as the IdP sends it: our message builder with the IdP's issuer, signed by the IdP. */
    private static byte[] idpLogoutRequest(boolean signed, Consumer<LogoutRequest> change) {
        LogoutRequest request = SamlMessages.logoutRequest(ResponseFixture.serviceProvider(), "_idp-logout-1",
                ResponseFixture.SLO_URL, SESSION, ResponseFixture.NOW);
        request.setIssuer(ResponseFixture.issuer());
        change.accept(request);
        return OpenSaml.serialize(signed ? XmlSigner.sign(request, TestKeys.IDP) : request);
    }

    private static byte[] idpLogoutResponse(String inResponseTo, String status) {
        LogoutResponse response = SamlMessages.logoutResponse(ResponseFixture.serviceProvider(), inResponseTo,
                ResponseFixture.SLO_URL, status, ResponseFixture.NOW);
        response.setIssuer(ResponseFixture.issuer());
        return OpenSaml.serialize(XmlSigner.sign(response, TestKeys.IDP));
    }

    @Test
    void acceptsASignedLogoutRequestAndReadsWhoToSignOut() {
        LogoutValidator.IncomingLogoutRequest request = validator.validateRequest(idpLogoutRequest(true, r -> { }), false);
        assertEquals("_idp-logout-1", request.id());
        assertEquals("alice@example.com", request.nameId());
        assertEquals(List.of("_session-1"), request.sessionIndexes());
    }

    @Test
    void namesTheUserOnlyByTheWholeNameIdAsTheAssertionIssuedIt() {
        LogoutValidator.IncomingLogoutRequest request = validator.validateRequest(idpLogoutRequest(true, r -> {
            r.getNameID().setNameQualifier("https://idp.example/realms/test");
            r.getNameID().setSPNameQualifier("https://sp.example/saml/A1B2C3D4");
        }), false);
        String idp = "https://idp.example/realms/test";
        String sp = "https://sp.example/saml/A1B2C3D4";
        assertTrue(request.names("alice@example.com", NameIdFormats.EMAIL_ADDRESS, idp, sp));
        assertFalse(request.names("alice@example.com", NameIdFormats.UNSPECIFIED, idp, sp), "another Format");
        assertFalse(request.names("alice@example.com", NameIdFormats.EMAIL_ADDRESS, "https://other.example", sp));
        assertFalse(request.names("alice@example.com", NameIdFormats.EMAIL_ADDRESS, idp, null), "no SPNameQualifier issued");
        assertFalse(request.names("Alice@example.com", NameIdFormats.EMAIL_ADDRESS, idp, sp));

        LogoutValidator.IncomingLogoutRequest unspecified = validator.validateRequest(idpLogoutRequest(true,
                r -> r.getNameID().setFormat(null)), false);
        assertTrue(unspecified.names("alice@example.com", NameIdFormats.UNSPECIFIED, null, null), "no Format is unspecified");
        assertFalse(unspecified.names("alice@example.com", NameIdFormats.EMAIL_ADDRESS, null, null));
    }

    @Test
    void refusesAnUnsignedLogoutRequestUnlessTheBindingVerifiedItsSignature() {
        byte[] unsigned = idpLogoutRequest(false, r -> { });
        assertEquals(SamlFailure.SIGNATURE_MISSING, assertThrows(SamlRejectedException.class,
                () -> validator.validateRequest(unsigned, false)).failure());
        assertEquals("alice@example.com", validator.validateRequest(unsigned, true).nameId());
    }

    @Test
    void refusesALogoutRequestFromAnotherIssuerOrForAnotherEndpoint() {
        assertEquals(SamlFailure.ISSUER_MISMATCH, assertThrows(SamlRejectedException.class, () -> validator
                .validateRequest(idpLogoutRequest(true, r -> r.getIssuer().setValue("https://evil.example")), false)).failure());
        assertEquals(SamlFailure.DESTINATION_MISMATCH, assertThrows(SamlRejectedException.class, () -> validator
                .validateRequest(idpLogoutRequest(true, r -> r.setDestination("https://other.example/slo")), false)).failure());
    }

    /** The same Issuer check as the assertion consumer: the IdP's entity ID, not a user's name of that value. */
    @Test
    void refusesALogoutRequestWhoseIssuerIsNotAnEntityId() {
        SamlRejectedException refused = assertThrows(SamlRejectedException.class, () -> validator.validateRequest(
                idpLogoutRequest(true, r -> r.getIssuer().setFormat(NameIdFormats.EMAIL_ADDRESS)), false));
        assertEquals(SamlFailure.ISSUER_MISMATCH, refused.failure());
        assertTrue(refused.getMessage().contains("an entity ID is required"), refused.getMessage());
        assertEquals(SamlFailure.ISSUER_MISMATCH, assertThrows(SamlRejectedException.class, () -> validator
                .validateRequest(idpLogoutRequest(true, r -> r.setIssuer(null)), false)).failure());
    }

    @Test
    void refusesAnExpiredLogoutRequest() {
        assertEquals(SamlFailure.EXPIRED, assertThrows(SamlRejectedException.class, () -> validator.validateRequest(
                idpLogoutRequest(true, r -> r.setNotOnOrAfter(ResponseFixture.NOW.minusSeconds(120))), false)).failure());
    }

    @Test
    void acceptsTheAnswerToOurLogoutRequestOnce() {
        ResponseFixture.Requests outstanding = new ResponseFixture.Requests();
        outstanding.outstanding.add("_our-logout");
        LogoutValidator.IncomingLogoutResponse answer = validator.validateResponse(
                idpLogoutResponse("_our-logout", StatusCode.SUCCESS), false, outstanding);
        assertTrue(answer.success());
        assertEquals(SamlFailure.UNKNOWN_REQUEST, assertThrows(SamlRejectedException.class, () -> validator
                .validateResponse(idpLogoutResponse("_our-logout", StatusCode.SUCCESS), false, outstanding)).failure());
    }

    @Test
    void reportsAFailedLogoutWithTheIdentityProvidersStatus() {
        ResponseFixture.Requests outstanding = new ResponseFixture.Requests();
        outstanding.outstanding.add("_our-logout");
        LogoutValidator.IncomingLogoutResponse answer = validator.validateResponse(
                idpLogoutResponse("_our-logout", StatusCode.RESPONDER), false, outstanding);
        assertFalse(answer.success());
        assertTrue(answer.status().contains("Responder"), answer.status());
    }

    @Test
    void refusesAnAuthnResponseSentToTheLogoutEndpoint() {
        assertEquals(SamlFailure.WRONG_MESSAGE_TYPE, assertThrows(SamlRejectedException.class,
                () -> validator.validateRequest(ResponseFixture.valid().build(), false)).failure());
    }
}
