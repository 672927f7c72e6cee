package org.openenvelope.saml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openenvelope.saml.validation.ValidatedAssertion;
import org.openenvelope.saml.xml.NameIdFormats;
import org.openenvelope.saml.xml.SamlFailure;
import org.openenvelope.saml.xml.SamlRejectedException;

class FederationIdentityTest {

    private static ValidatedAssertion assertion(String nameId, String format, Map<String, List<String>> attributes) {
        return assertion(nameId, format, attributes, Map.of());
    }

    private static ValidatedAssertion assertion(String nameId, String format, Map<String, List<String>> attributes,
                                                Map<String, String> friendlyNames) {
        return new ValidatedAssertion("https://idp.example", "_a", "_r", nameId, format, null, null, "_s",
                ResponseFixture.NOW, null, null, null, attributes, friendlyNames);
    }

    private static IdentityProviderSettings identifyingBy(FederationIdSource source, String attribute) {
        return new IdentityProviderSettings("https://idp.example", "https://idp.example/sso", null, true, null, null, 60,
                false, false, false, "mail", source, attribute, List.of());
    }

    @Test
    void theNameIdIdentifiesUsersWhenChosenWhateverAttributesCome() {
        ValidatedAssertion a = assertion("Alice@example.com", NameIdFormats.EMAIL_ADDRESS,
                Map.of("uid", List.of("alice"), "mail", List.of("alice@other.example")));
        FederationIdentity.Resolved resolved = FederationIdentity.resolve(a, identifyingBy(FederationIdSource.NAME_ID, null));
        assertEquals("Alice@example.com", resolved.value(), "no attribute silently overrides the NameID");
        assertTrue(resolved.source().startsWith("the NameID"), resolved.source());

        SamlRejectedException transientNameId = assertThrows(SamlRejectedException.class, () -> FederationIdentity.resolve(
                assertion("f81d", NameIdFormats.TRANSIENT, Map.of("uid", List.of("alice"))),
                identifyingBy(FederationIdSource.NAME_ID, null)));
        assertEquals(SamlFailure.FEDERATION_ID_MISSING, transientNameId.failure());
        assertTrue(transientNameId.detail().contains("transient") && transientNameId.detail().contains("[uid]"),
                transientNameId.detail());
    }

    @Test
    void theChosenAttributeIdentifiesUsersUnderAnyOfItsNamesAndNothingElseDoes() {
        IdentityProviderSettings byUid = identifyingBy(FederationIdSource.ATTRIBUTE, "uid");
        FederationIdentity.Resolved oid = FederationIdentity.resolve(assertion("alice@example.com",
                NameIdFormats.EMAIL_ADDRESS, Map.of("urn:oid:0.9.2342.19200300.100.1.1", List.of("alice"))), byUid);
        assertEquals("alice", oid.value());
        assertTrue(oid.source().contains("sent as urn:oid:0.9.2342.19200300.100.1.1"), oid.source());

        SamlRejectedException missing = assertThrows(SamlRejectedException.class, () -> FederationIdentity.resolve(
                assertion("alice@example.com", NameIdFormats.EMAIL_ADDRESS, Map.of("mail", List.of("a@example.com"))), byUid));
        assertEquals(SamlFailure.FEDERATION_ID_MISSING, missing.failure());
        assertTrue(missing.detail().contains("urn:oid:0.9.2342.19200300.100.1.1"), "says what it looked for: " + missing.detail());
        assertTrue(missing.detail().contains("received: [mail]"), missing.detail());

        assertEquals("E-1234", FederationIdentity.resolve(assertion("x", NameIdFormats.TRANSIENT,
                Map.of("employeeNumber", List.of("E-1234"))), identifyingBy(FederationIdSource.ATTRIBUTE, "employeeNumber"))
                .value());
    }

    @Test
    void configurationsFromBeforeTheChoiceKeepTheirOrder() {
        ValidatedAssertion a = assertion("AD\\alice", NameIdFormats.UNSPECIFIED,
                Map.of("mail", List.of("Alice@example.com"), "uid", List.of("alice")));
        assertEquals("Alice@example.com", FederationIdentity.resolve(a, identifyingBy(FederationIdSource.LEGACY, null)).value());
    }

    @Test
    void prefersTheAlternateEmailAttributeWhenConfiguredAndPresent() {
        ValidatedAssertion a = assertion("AD\\alice", NameIdFormats.UNSPECIFIED,
                Map.of("mail", List.of("Alice@example.com"), "uid", List.of("alice")));
        assertEquals("Alice@example.com", FederationIdentity.inLegacyOrder(a, "mail").value());
    }

    @Test
    void fallsBackToUidThenToTheNameId() {
        assertEquals("alice", FederationIdentity.inLegacyOrder(assertion("x", NameIdFormats.UNSPECIFIED,
                Map.of("uid", List.of("alice"))), "mail").value());
        assertEquals("alice@example.com", FederationIdentity.inLegacyOrder(assertion("alice@example.com",
                NameIdFormats.EMAIL_ADDRESS, Map.of()), null).value());
    }

    @Test
    void keepsTheCaseAsSent() {
        assertEquals("Alice@Example.com", FederationIdentity.inLegacyOrder(assertion("Alice@Example.com",
                NameIdFormats.EMAIL_ADDRESS, Map.of()), null).value());
    }

    @Test
    void neverUsesATransientNameIdAsTheUser() {
        SamlRejectedException e = assertThrows(SamlRejectedException.class, () -> FederationIdentity.inLegacyOrder(
                assertion("f81d4fae-7dec", NameIdFormats.TRANSIENT, Map.of("cn", List.of("Alice"))), "mail").value());
        assertEquals(SamlFailure.FEDERATION_ID_MISSING, e.failure());
        assertEquals("alice", FederationIdentity.inLegacyOrder(assertion("f81d4fae-7dec", NameIdFormats.TRANSIENT,
                Map.of("uid", List.of("alice"))), null).value());
    }

    @Test
    void aRecipientsAddressComesFromTheEmailAttributesUnderTheirUsualNamesThenFromTheUser() {
        assertEquals("carol@example.com", FederationIdentity.emailOf(assertion("f81d", NameIdFormats.TRANSIENT,
                Map.of("urn:oid:0.9.2342.19200300.100.1.3", List.of("Carol@Example.com"))), null).orElseThrow().value());
        assertEquals("dan@example.com", FederationIdentity.emailOf(assertion("S-1-5-21", NameIdFormats.UNSPECIFIED,
                Map.of("http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress", List.of("dan@example.com"))),
                null).orElseThrow().value());
        assertEquals("erin@example.com", FederationIdentity.emailOf(assertion("erin", NameIdFormats.UNSPECIFIED,
                Map.of("mail", List.of("not an address"), "corpEmail", List.of("erin@example.com"))), "corpEmail")
                .orElseThrow().value(), "the administrator's attribute first");
        assertEquals("frank@example.com", FederationIdentity.emailOf(assertion("frank@example.com",
                NameIdFormats.EMAIL_ADDRESS, Map.of("uid", List.of("frank"))), null).orElseThrow().value());
    }

    @Test
    void noAddressWhenNothingTheIdpVouchesForIsOne() {
        assertTrue(FederationIdentity.emailOf(assertion("grace@example.com", NameIdFormats.TRANSIENT,
                Map.of("uid", List.of("grace"))), null).isEmpty(), "a transient NameID is no address, whatever it looks like");
        assertTrue(FederationIdentity.emailOf(assertion("AD\\\\heidi", NameIdFormats.UNSPECIFIED, Map.of()), "mail").isEmpty());
    }

    @Test
    void findsUidUnderTheNamesShibbolethPysaml2AndOthersSend() {
        FederationIdentity.Resolved oid = FederationIdentity.inLegacyOrder(assertion("f81d", NameIdFormats.TRANSIENT,
                Map.of("urn:oid:0.9.2342.19200300.100.1.1", List.of("alice"))), null);
        assertEquals("alice", oid.value());
        assertEquals("the uid attribute (sent as urn:oid:0.9.2342.19200300.100.1.1)", oid.source());
        assertEquals("bob", FederationIdentity.inLegacyOrder(assertion("f81d", NameIdFormats.TRANSIENT,
                Map.of("urn:mace:dir:attribute-def:uid", List.of("bob"))), null).value());
        assertEquals("carol", FederationIdentity.inLegacyOrder(assertion("f81d", NameIdFormats.TRANSIENT,
                Map.of("urn:example:login", List.of("carol")), Map.of("urn:example:login", "uid")), null).value(), "by FriendlyName");
        assertEquals("dave", FederationIdentity.inLegacyOrder(assertion("f81d", NameIdFormats.TRANSIENT,
                Map.of("urn:oid:0.9.2342.19200300.100.1.1", List.of("dave"), "uid", List.of(" ")), Map.of()), null).value(),
                "a blank value under one name does not hide another");
    }

    @Test
    void theAlternateEmailAttributeIsFoundUnderTheOtherNamesOfItsKind() {
        FederationIdentity.Resolved claim = FederationIdentity.inLegacyOrder(assertion("S-1-5-21", NameIdFormats.UNSPECIFIED,
                Map.of("http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress", List.of("erin@example.com"),
                        "uid", List.of("erin"))), "mail");
        assertEquals("erin@example.com", claim.value());
        assertTrue(claim.source().startsWith("the alternate email attribute \"mail\" (sent as http://schemas"), claim.source());
        assertEquals("frank@example.com", FederationIdentity.inLegacyOrder(assertion("x", NameIdFormats.UNSPECIFIED,
                Map.of("urn:oid:0.9.2342.19200300.100.1.3", List.of("frank@example.com"))), "email").value());
        assertEquals("S-1-5-21", FederationIdentity.inLegacyOrder(assertion("S-1-5-21", NameIdFormats.UNSPECIFIED,
                Map.of("department", List.of("Sales"))), "Department").value(), "other names match exactly, case included");
        assertTrue(FederationIdentity.inLegacyOrder(assertion("grace@example.com", NameIdFormats.EMAIL_ADDRESS, Map.of()), "mail")
                .source().startsWith("the NameID (format " + NameIdFormats.EMAIL_ADDRESS + "), as the assertion carries no uid"));
    }

    @Test
    void sayingWhatWasLookedForWhenNothingNamesTheUser() {
        SamlRejectedException e = assertThrows(SamlRejectedException.class, () -> FederationIdentity.inLegacyOrder(
                assertion("f81d", NameIdFormats.TRANSIENT, Map.of("cn", List.of("Heidi"))), null).value());
        assertTrue(e.detail().contains("urn:oid:0.9.2342.19200300.100.1.1"), e.detail());
        assertTrue(e.detail().contains("attributes received: [cn]"), e.detail());
    }
}
