package org.openenvelope.saml.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openenvelope.saml.ResponseFixture;
import org.openenvelope.saml.TestKeys;
import org.openenvelope.saml.xml.AlgorithmPolicy;
import org.openenvelope.saml.xml.NameIdFormats;
import org.openenvelope.saml.xml.OpenSaml;
import org.openenvelope.saml.xml.SamlFailure;
import org.openenvelope.saml.xml.SamlRejectedException;
import org.opensaml.saml.saml2.core.Assertion;
import org.opensaml.saml.saml2.core.Response;
import org.opensaml.saml.saml2.core.StatusCode;
import org.opensaml.saml.saml2.core.SubjectConfirmation;

class ResponseValidatorTest {

    private final ResponseFixture.Requests requests = new ResponseFixture.Requests();
    private final ResponseFixture.Replays replays = new ResponseFixture.Replays();

    private ResponseValidator validator(IdentityProviderTrust trust, Instant now) {
        return new ResponseValidator(ResponseFixture.serviceProvider(), trust, requests, replays,
                ResponseFixture.clockAt(now));
    }

    private ValidatedAssertion validate(byte[] response) {
        return validator(ResponseFixture.trust(), ResponseFixture.NOW).validate(response);
    }

    private SamlFailure failureOf(byte[] response) {
        return failureOf(ResponseFixture.trust(), ResponseFixture.NOW, response);
    }

    private SamlFailure failureOf(IdentityProviderTrust trust, Instant now, byte[] response) {
        return assertThrows(SamlRejectedException.class, () -> validator(trust, now).validate(response)).failure();
    }

    private static IdentityProviderTrust trust(boolean allowSha1, boolean allowUnsolicited) {
        IdentityProviderTrust base = ResponseFixture.trust();
        return new IdentityProviderTrust(base.entityId(), base.signingCertificates(), base.clockSkew(), allowSha1,
                allowUnsolicited);
    }

    @Test
    void acceptsAWellFormedSignedResponseAndReadsTheSignedAssertion() {
        ValidatedAssertion assertion = validate(ResponseFixture.valid().build());

        assertEquals(ResponseFixture.IDP_ENTITY_ID, assertion.issuer());
        assertEquals("alice@example.com", assertion.nameId());
        assertEquals(NameIdFormats.EMAIL_ADDRESS, assertion.nameIdFormat());
        assertEquals("_session-1", assertion.sessionIndex());
        assertEquals(ResponseFixture.REQUEST_ID, assertion.inResponseTo());
        assertEquals("Alice.Smith@example.com", assertion.attribute("mail"));
        assertTrue(requests.outstanding.isEmpty(), "the request is consumed");
    }

    @Test
    void acceptsAResponseWhereOnlyTheAssertionIsSigned() {
        assertEquals("alice@example.com", validate(ResponseFixture.valid().unsignedResponse().build()).nameId());
    }

    @Test
    void acceptsAResponseWhereOnlyTheResponseIsSigned() {
        assertEquals("alice@example.com", validate(ResponseFixture.valid().unsignedAssertion().build()).nameId());
    }

    @Test
    void refusesAResponseWithNoSignatureAtAll() {
        assertEquals(SamlFailure.SIGNATURE_MISSING,
                failureOf(ResponseFixture.valid().unsignedResponse().unsignedAssertion().build()));
    }

    @Test
    void refusesSomethingThatIsNotXml() {
        assertEquals(SamlFailure.MALFORMED_MESSAGE, failureOf("not xml".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void refusesADoctypeBeforeExpandingAnything() {
        String billionLaughs = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;\">]>"
                + "<samlp:Response xmlns:samlp=\"urn:oasis:names:tc:SAML:2.0:protocol\">&b;</samlp:Response>";
        SamlRejectedException e = assertThrows(SamlRejectedException.class,
                () -> validator(ResponseFixture.trust(), ResponseFixture.NOW).validate(billionLaughs.getBytes(StandardCharsets.UTF_8)));
        assertEquals(SamlFailure.MALFORMED_MESSAGE, e.failure());
        assertTrue(e.detail().contains("DOCTYPE"), e.detail());
    }

    @Test
    void refusesElementsNestedDeeperThanAnyMessageBeforeUnmarshallingThem() {
        String deep = "<samlp:Response xmlns:samlp=\"urn:oasis:names:tc:SAML:2.0:protocol\"><samlp:Extensions>"
                + "<x>".repeat(5000) + "</x>".repeat(5000) + "</samlp:Extensions></samlp:Response>";
        SamlRejectedException e = assertThrows(SamlRejectedException.class,
                () -> validator(ResponseFixture.trust(), ResponseFixture.NOW).validate(deep.getBytes(StandardCharsets.UTF_8)));
        assertEquals(SamlFailure.MALFORMED_MESSAGE, e.failure());
        assertTrue(e.detail().contains("nested more than 100 deep"), e.detail());
        // a real message is far from the limit
        assertEquals(SamlFailure.ISSUER_MISMATCH, failureOf(ResponseFixture.valid()
                .response(r -> r.getIssuer().setValue("https://elsewhere.example")).build()));
    }

    @Test
    void refusesAnotherKindOfMessage() {
        byte[] assertionOnly = OpenSaml.serialize(ResponseFixture.valid().buildObject().getAssertions().get(0));
        assertEquals(SamlFailure.WRONG_MESSAGE_TYPE, failureOf(assertionOnly));
    }

    @Test
    void refusesAResponseIssuedBySomeoneElse() {
        assertEquals(SamlFailure.ISSUER_MISMATCH, failureOf(ResponseFixture.valid()
                .response(r -> r.getIssuer().setValue("https://evil.example")).build()));
    }

    @Test
    void refusesAnAssertionIssuedBySomeoneElse() {
        assertEquals(SamlFailure.ISSUER_MISMATCH, failureOf(ResponseFixture.valid()
                .assertion(a -> a.getIssuer().setValue("https://evil.example")).build()));
    }

    @Test
    void reportsTheIdentityProvidersStatusCodeAndMessage() {
        byte[] denied = ResponseFixture.valid().refusedWith(StatusCode.RESPONDER, StatusCode.REQUEST_DENIED,
                "User is not assigned to a role for the application.").build();
        SamlRejectedException e = assertThrows(SamlRejectedException.class,
                () -> validator(ResponseFixture.trust(), ResponseFixture.NOW).validate(denied));
        assertEquals(SamlFailure.IDP_STATUS, e.failure());
        assertTrue(e.detail().contains("RequestDenied"), e.detail());
        assertTrue(e.detail().contains("assigned"), e.detail());
        assertTrue(e.detail().contains("User is not assigned to a role"), e.detail());
    }

    @Test
    void refusesAResponseAddressedToAnotherService() {
        assertEquals(SamlFailure.DESTINATION_MISMATCH, failureOf(ResponseFixture.valid()
                .response(r -> r.setDestination("https://other.example/acs")).build()));
    }

    @Test
    void refusesASignedResponseWithoutDestination() {
        assertEquals(SamlFailure.DESTINATION_MISMATCH, failureOf(ResponseFixture.valid()
                .response(r -> r.setDestination(null)).build()));
    }

    @Test
    void refusesASignatureByAnUntrustedKeyAndSaysSo() {
        SamlRejectedException e = assertThrows(SamlRejectedException.class, () -> validator(ResponseFixture.trust(),
                ResponseFixture.NOW).validate(ResponseFixture.valid().signedBy(TestKeys.STRANGER).build()));
        assertEquals(SamlFailure.SIGNATURE_UNTRUSTED_KEY, e.failure());
        assertTrue(e.detail().contains("stranger.example"), e.detail());
    }

    @Test
    void trustsEveryConfiguredKeyDuringARollover() {
        IdentityProviderTrust rollover = new IdentityProviderTrust(ResponseFixture.IDP_ENTITY_ID,
                List.of(TestKeys.IDP.getEntityCertificate(), TestKeys.IDP_NEXT.getEntityCertificate()),
                Duration.ofSeconds(60), false, false);
        ValidatedAssertion assertion = validator(rollover, ResponseFixture.NOW)
                .validate(ResponseFixture.valid().signedBy(TestKeys.IDP_NEXT).build());
        assertEquals("alice@example.com", assertion.nameId());
    }

    @Test
    void refusesAResponseAlteredAfterSigning() {
        String signed = new String(ResponseFixture.valid().unsignedAssertion().build(), StandardCharsets.UTF_8);
        byte[] altered = signed.replace("alice@example.com", "mallory@example.com").getBytes(StandardCharsets.UTF_8);
        assertEquals(SamlFailure.SIGNATURE_INVALID, failureOf(altered));
    }

    @Test
    void refusesSha1SignaturesUnlessAllowedForThisIdentityProvider() {
        byte[] sha1 = ResponseFixture.valid().signatureAlgorithm(AlgorithmPolicy.RSA_SHA1).build();
        assertEquals(SamlFailure.WEAK_ALGORITHM, failureOf(sha1));

        ResponseFixture.Requests fresh = new ResponseFixture.Requests();
        ValidatedAssertion allowed = new ResponseValidator(ResponseFixture.serviceProvider(), trust(true, false),
                fresh, replays, ResponseFixture.clockAt(ResponseFixture.NOW)).validate(sha1);
        assertEquals("alice@example.com", allowed.nameId());
    }

    @Test
    void refusesAResponseWithTwoAssertions() {
        byte[] two = ResponseFixture.valid().unsignedResponse().response(r -> {
            Assertion copy = ResponseFixture.valid().assertionId("_second").unsignedAssertion().buildObject()
                    .getAssertions().get(0);
            copy.detach();
            r.getAssertions().add(copy);
        }).build();
        assertEquals(SamlFailure.ASSERTION_COUNT, failureOf(two));
    }

    @Test
    void refusesAResponseWithoutAssertion() {
        assertEquals(SamlFailure.ASSERTION_COUNT, failureOf(ResponseFixture.valid()
                .response(r -> r.getAssertions().clear()).build()));
    }

    @Test
    void refusesAForgedAssertionWrappingTheSignedOne() throws Exception {
        // Signature wrapping: the genuine signed assertion is hidden in the Advice of a forged one with the same ID.
        assertEquals(SamlFailure.SIGNATURE_MISSING, failureOf(wrapped(false)));
    }

    @Test
    void refusesAForgedAssertionCarryingTheGenuineSignature() throws Exception {
        // The same, with the genuine Signature copied into the forged assertion: the IDs are now duplicated.
        assertEquals(SamlFailure.SIGNATURE_INVALID, failureOf(wrapped(true)));
    }

    private static byte[] wrapped(boolean keepSignatureOnForgery) throws Exception {
        var factory = javax.xml.parsers.DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        org.w3c.dom.Document document = factory.newDocumentBuilder().parse(
                new java.io.ByteArrayInputStream(ResponseFixture.valid().unsignedResponse().build()));
        String saml = "urn:oasis:names:tc:SAML:2.0:assertion";
        org.w3c.dom.Element genuine = (org.w3c.dom.Element) document.getElementsByTagNameNS(saml, "Assertion").item(0);
        org.w3c.dom.Element forged = (org.w3c.dom.Element) genuine.cloneNode(true);
        forged.getElementsByTagNameNS(saml, "NameID").item(0).setTextContent("mallory@example.com");
        if (!keepSignatureOnForgery) {
            org.w3c.dom.Node signature = forged.getElementsByTagNameNS("http://www.w3.org/2000/09/xmldsig#", "Signature").item(0);
            forged.removeChild(signature);
        }
        genuine.getParentNode().replaceChild(forged, genuine);
        org.w3c.dom.Element advice = document.createElementNS(saml, "saml2:Advice");
        advice.appendChild(genuine);
        forged.insertBefore(advice, forged.getElementsByTagNameNS(saml, "AuthnStatement").item(0));
        var out = new java.io.ByteArrayOutputStream();
        javax.xml.transform.TransformerFactory.newInstance().newTransformer().transform(
                new javax.xml.transform.dom.DOMSource(document), new javax.xml.transform.stream.StreamResult(out));
        return out.toByteArray();
    }

    @Test
    void decryptsAnEncryptedAssertionWithTheServiceProvidersKey() {
        assertEquals("alice@example.com", validate(ResponseFixture.valid().encrypted().build()).nameId());
    }

    @Test
    void namesAnEncryptionAlgorithmOutsideTheAllowListAndWhatToUseInstead() {
        // pysaml2's default content encryption
        SamlRejectedException tripleDes = assertThrows(SamlRejectedException.class, () -> validate(ResponseFixture.valid()
                .encryptedWith("http://www.w3.org/2001/04/xmlenc#tripledes-cbc",
                        "http://www.w3.org/2001/04/xmlenc#rsa-oaep-mgf1p").build()));
        assertEquals(SamlFailure.ENCRYPTION_ALGORITHM_REFUSED, tripleDes.failure());
        assertTrue(tripleDes.detail().contains("http://www.w3.org/2001/04/xmlenc#tripledes-cbc (3DES"), tripleDes.detail());
        assertTrue(tripleDes.detail().contains("aes256-gcm"), tripleDes.detail());

        SamlRejectedException pkcs1 = assertThrows(SamlRejectedException.class, () -> validate(ResponseFixture.valid()
                .encryptedWith("http://www.w3.org/2009/xmlenc11#aes128-gcm",
                        "http://www.w3.org/2001/04/xmlenc#rsa-1_5").build()));
        assertEquals(SamlFailure.ENCRYPTION_ALGORITHM_REFUSED, pkcs1.failure());
        assertTrue(pkcs1.detail().contains("RSA PKCS#1 v1.5"), pkcs1.detail());
        assertTrue(pkcs1.detail().contains("rsa-oaep-mgf1p"), pkcs1.detail());
    }

    @Test
    void aDecryptionFailureSaysWhetherTheKeyOrTheContentWasWrong() {
        SamlRejectedException wrongKey = assertThrows(SamlRejectedException.class, () -> validate(ResponseFixture.valid()
                .encryptedFor(TestKeys.STRANGER.getEntityCertificate()).build()));
        assertEquals(SamlFailure.DECRYPTION_FAILED, wrongKey.failure());
        assertTrue(wrongKey.detail().contains("was encrypted for the certificate CN=stranger.example")
                && wrongKey.detail().contains("not one of this account's service-provider keys"), wrongKey.detail());
        assertTrue(wrongKey.detail().contains(org.openenvelope.saml.xml.Certificates.fingerprint(
                TestKeys.SP.getEntityCertificate())), "names this account's keys: " + wrongKey.detail());

        SamlRejectedException notAnAssertion = assertThrows(SamlRejectedException.class, () -> validate(
                ResponseFixture.valid().encryptedAssertionHoldingTheNameId().build()));
        assertEquals(SamlFailure.DECRYPTION_FAILED, notAnAssertion.failure());
        assertTrue(notAnAssertion.detail().contains("holds a NameID, not an Assertion"), notAnAssertion.detail());
    }

    @Test
    void refusesABearerConfirmationWithNotBefore() {
        SamlRejectedException e = assertThrows(SamlRejectedException.class, () -> validate(ResponseFixture.valid()
                .assertion(a -> a.getSubject().getSubjectConfirmations().get(0).getSubjectConfirmationData()
                        .setNotBefore(ResponseFixture.NOW.minusSeconds(30))).build()));
        assertEquals(SamlFailure.SUBJECT_CONFIRMATION_INVALID, e.failure());
        assertTrue(e.detail().contains("NotBefore"), e.detail());
    }

    @Test
    void checksEveryAuthnStatementAndKeepsTheEarliestSessionEnd() {
        byte[] secondExpired = ResponseFixture.valid().assertion(a -> a.getAuthnStatements().add(
                authnStatement(ResponseFixture.NOW.minusSeconds(600)))).build();
        SamlRejectedException e = assertThrows(SamlRejectedException.class, () -> validate(secondExpired));
        assertEquals(SamlFailure.EXPIRED, e.failure());
        assertTrue(e.detail().startsWith("AuthnStatement 2 "), e.detail());

        Instant soon = ResponseFixture.NOW.plusSeconds(900);
        ValidatedAssertion twoSessions = validate(ResponseFixture.valid().assertion(a -> {
            a.getAuthnStatements().get(0).setSessionNotOnOrAfter(ResponseFixture.NOW.plusSeconds(7200));
            a.getAuthnStatements().add(authnStatement(soon));
        }).build());
        assertEquals("_session-1", twoSessions.sessionIndex());
        assertEquals(soon, twoSessions.sessionNotOnOrAfter());
    }

    private static org.opensaml.saml.saml2.core.AuthnStatement authnStatement(Instant sessionEnd) {
        org.opensaml.saml.saml2.core.AuthnStatement statement = OpenSaml.build(
                org.opensaml.saml.saml2.core.AuthnStatement.DEFAULT_ELEMENT_NAME);
        statement.setAuthnInstant(ResponseFixture.NOW.minusSeconds(5));
        statement.setSessionIndex("_session-2");
        statement.setSessionNotOnOrAfter(sessionEnd);
        return statement;
    }

    @Test
    void refusesUnsolicitedResponsesUnlessAllowed() {
        byte[] unsolicited = ResponseFixture.valid().response(r -> r.setInResponseTo(null))
                .assertion(a -> a.getSubject().getSubjectConfirmations().get(0).getSubjectConfirmationData()
                        .setInResponseTo(null)).build();
        assertEquals(SamlFailure.UNSOLICITED_RESPONSE, failureOf(unsolicited));
        assertNull(validator(trust(false, true), ResponseFixture.NOW).validate(unsolicited).inResponseTo());
    }

    @Test
    void refusesAnAnswerToARequestThatIsNotOutstanding() {
        assertEquals(SamlFailure.UNKNOWN_REQUEST, failureOf(ResponseFixture.valid()
                .response(r -> r.setInResponseTo("_never-sent"))
                .assertion(a -> a.getSubject().getSubjectConfirmations().get(0).getSubjectConfirmationData()
                        .setInResponseTo("_never-sent")).build()));
    }

    @Test
    void refusesASecondAnswerToTheSameRequest() {
        validate(ResponseFixture.valid().build());
        assertEquals(SamlFailure.UNKNOWN_REQUEST, failureOf(ResponseFixture.valid().build()));
    }

    @Test
    void readsInResponseToOnlyFromSignedContent() {
        // Response unsigned: its InResponseTo could be edited, so the assertion's confirmation decides.
        byte[] edited = ResponseFixture.valid().unsignedResponse()
                .response(r -> r.setInResponseTo("_attacker-choice")).build();
        assertEquals(ResponseFixture.REQUEST_ID, validate(edited).inResponseTo());
    }

    @Test
    void refusesABearerConfirmationForAnotherRecipient() {
        assertEquals(SamlFailure.RECIPIENT_MISMATCH, failureOf(ResponseFixture.valid().assertion(a -> a.getSubject()
                .getSubjectConfirmations().get(0).getSubjectConfirmationData().setRecipient("https://other.example/acs")).build()));
    }

    @Test
    void refusesAnAssertionWithoutBearerConfirmation() {
        assertEquals(SamlFailure.SUBJECT_CONFIRMATION_MISSING, failureOf(ResponseFixture.valid().assertion(a -> a
                .getSubject().getSubjectConfirmations().get(0).setMethod(SubjectConfirmation.METHOD_HOLDER_OF_KEY)).build()));
    }

    @Test
    void refusesAnExpiredBearerConfirmationBeyondTheClockSkew() {
        byte[] response = ResponseFixture.valid().build();
        Instant withinSkew = ResponseFixture.NOW.plusSeconds(300 + 59);
        assertEquals("alice@example.com", validator(ResponseFixture.trust(), withinSkew).validate(response).nameId());

        Instant beyondSkew = ResponseFixture.NOW.plusSeconds(300 + 60);
        assertEquals(SamlFailure.SUBJECT_CONFIRMATION_EXPIRED,
                failureOf(ResponseFixture.trust(), beyondSkew, ResponseFixture.valid().build()));
    }

    @Test
    void refusesAnAssertionThatIsNotYetValidAndMeasuresTheOffset() {
        byte[] response = ResponseFixture.valid().build();
        Instant twoMinutesEarly = ResponseFixture.NOW.minusSeconds(180);
        SamlRejectedException e = assertThrows(SamlRejectedException.class,
                () -> validator(ResponseFixture.trust(), twoMinutesEarly).validate(response));
        assertEquals(SamlFailure.NOT_YET_VALID, e.failure());
        assertTrue(e.detail().contains("120 s before"), e.detail());
        assertTrue(e.detail().contains("60 s of clock skew"), e.detail());
    }

    @Test
    void toleratesTheConfiguredClockSkewBeforeNotBefore() {
        Instant slightlyEarly = ResponseFixture.NOW.minusSeconds(60 + 59);
        assertEquals("alice@example.com", validator(ResponseFixture.trust(), slightlyEarly)
                .validate(ResponseFixture.valid().build()).nameId());
    }

    @Test
    void refusesAnExpiredAssertion() {
        byte[] shortLived = ResponseFixture.valid().assertion(a -> {
            a.getConditions().setNotOnOrAfter(ResponseFixture.NOW.minusSeconds(120));
        }).build();
        assertEquals(SamlFailure.EXPIRED, failureOf(shortLived));
    }

    @Test
    void refusesAnAssertionForAnotherAudience() {
        SamlRejectedException e = assertThrows(SamlRejectedException.class, () -> validator(ResponseFixture.trust(),
                ResponseFixture.NOW).validate(ResponseFixture.valid().assertion(a -> a.getConditions()
                .getAudienceRestrictions().get(0).getAudiences().get(0).setURI("https://other.example")).build()));
        assertEquals(SamlFailure.AUDIENCE_MISMATCH, e.failure());
        assertTrue(e.detail().contains(ResponseFixture.SP_ENTITY_ID), e.detail());
    }

    @Test
    void refusesAnAssertionWithoutAudienceRestriction() {
        assertEquals(SamlFailure.AUDIENCE_MISMATCH, failureOf(ResponseFixture.valid()
                .assertion(a -> a.getConditions().getAudienceRestrictions().clear()).build()));
    }

    @Test
    void refusesAnAssertionWithoutAuthnStatement() {
        assertEquals(SamlFailure.AUTHN_STATEMENT_MISSING, failureOf(ResponseFixture.valid()
                .assertion(a -> a.getAuthnStatements().clear()).build()));
    }

    @Test
    void refusesTheSameAssertionTwice() {
        byte[] response = ResponseFixture.valid().assertionId("_once").build();
        validate(response);
        requests.outstanding.add(ResponseFixture.REQUEST_ID);
        assertEquals(SamlFailure.REPLAYED_ASSERTION, failureOf(response));
    }

    @Test
    void acceptsTheThreeNameIdFormatsAndRefusesOthers() {
        for (String format : NameIdFormats.ACCEPTED) {
            requests.outstanding.add(ResponseFixture.REQUEST_ID);
            assertEquals(format, validate(ResponseFixture.valid()
                    .assertion(a -> a.getSubject().getNameID().setFormat(format)).build()).nameIdFormat());
        }
        requests.outstanding.add(ResponseFixture.REQUEST_ID);
        assertEquals(SamlFailure.UNSUPPORTED_NAME_ID_FORMAT, failureOf(ResponseFixture.valid().assertion(a -> a
                .getSubject().getNameID().setFormat("urn:oasis:names:tc:SAML:1.1:nameid-format:X509SubjectName")).build()));
    }

    @Test
    void treatsAMissingNameIdFormatAsUnspecified() {
        assertEquals(NameIdFormats.UNSPECIFIED, validate(ResponseFixture.valid()
                .assertion(a -> a.getSubject().getNameID().setFormat(null)).build()).nameIdFormat());
    }

    @Test
    void refusesAnAssertionWithoutNameId() {
        assertEquals(SamlFailure.NAME_ID_MISSING, failureOf(ResponseFixture.valid()
                .assertion(a -> a.getSubject().setNameID(null)).build()));
    }

    @Test
    void keepsCommentsFromSplittingTheNameId() {
        // The signed value is "alice@example.com.evil.example"; a parser that kept comments might read "alice@example.com".
        String signed = new String(ResponseFixture.valid().unsignedResponse()
                .assertion(a -> a.getSubject().getNameID().setValue("alice@example.com.evil.example")).build(),
                StandardCharsets.UTF_8);
        byte[] commented = signed.replace("alice@example.com.evil.example", "alice@example.com<!---->.evil.example")
                .getBytes(StandardCharsets.UTF_8);
        assertEquals("alice@example.com.evil.example", validate(commented).nameId());
    }

    @Test
    void doesNotConsumeTheRequestWhenTheSignatureFails() {
        failureOf(ResponseFixture.valid().signedBy(TestKeys.STRANGER).build());
        assertTrue(requests.outstanding.contains(ResponseFixture.REQUEST_ID));
    }

    @Test
    void givesTheResponseObjectBackUnchangedForCallersThatInspectIt() {
        Response response = ResponseFixture.valid().buildObject();
        assertEquals(ResponseFixture.ACS_URL, response.getDestination());
    }
}
