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

    @Test
    void prefersTheAlternateEmailAttributeWhenConfiguredAndPresent() {
        ValidatedAssertion a = assertion("AD\\alice", NameIdFormats.UNSPECIFIED,
                Map.of("mail", List.of("Alice@example.com"), "uid", List.of("alice")));
        assertEquals("Alice@example.com", FederationIdentity.of(a, "mail"));
    }

    @Test
    void fallsBackToUidThenToTheNameId() {
        assertEquals("alice", FederationIdentity.of(assertion("x", NameIdFormats.UNSPECIFIED,
                Map.of("uid", List.of("alice"))), "mail"));
        assertEquals("alice@example.com", FederationIdentity.of(assertion("alice@example.com",
                NameIdFormats.EMAIL_ADDRESS, Map.of()), null));
    }

    @Test
    void keepsTheCaseAsSent() {
        assertEquals("Alice@Example.com", FederationIdentity.of(assertion("Alice@Example.com",
                NameIdFormats.EMAIL_ADDRESS, Map.of()), null));
    }

    @Test
    void neverUsesATransientNameIdAsTheUser() {
        SamlRejectedException e = assertThrows(SamlRejectedException.class, () -> FederationIdentity.of(
                assertion("f81d4fae-7dec", NameIdFormats.TRANSIENT, Map.of("cn", List.of("Alice"))), "mail"));
        assertEquals(SamlFailure.FEDERATION_ID_MISSING, e.failure());
        assertEquals("alice", FederationIdentity.of(assertion("f81d4fae-7dec", NameIdFormats.TRANSIENT,
                Map.of("uid", List.of("alice"))), null));
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
        FederationIdentity.Resolved oid = FederationIdentity.resolve(assertion("f81d", NameIdFormats.TRANSIENT,
                Map.of("urn:oid:0.9.2342.19200300.100.1.1", List.of("alice"))), null);
        assertEquals("alice", oid.value());
        assertEquals("the uid attribute (sent as urn:oid:0.9.2342.19200300.100.1.1)", oid.source());
        assertEquals("bob", FederationIdentity.of(assertion("f81d", NameIdFormats.TRANSIENT,
                Map.of("urn:mace:dir:attribute-def:uid", List.of("bob"))), null));
        assertEquals("carol", FederationIdentity.of(assertion("f81d", NameIdFormats.TRANSIENT,
                Map.of("urn:example:login", List.of("carol")), Map.of("urn:example:login", "uid")), null), "by FriendlyName");
        assertEquals("dave", FederationIdentity.of(assertion("f81d", NameIdFormats.TRANSIENT,
                Map.of("urn:oid:0.9.2342.19200300.100.1.1", List.of("dave"), "uid", List.of(" ")), Map.of()), null),
                "a blank value under one name does not hide another");
    }

    @Test
    void theAlternateEmailAttributeIsFoundUnderTheOtherNamesOfItsKind() {
        FederationIdentity.Resolved claim = FederationIdentity.resolve(assertion("S-1-5-21", NameIdFormats.UNSPECIFIED,
                Map.of("http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress", List.of("erin@example.com"),
                        "uid", List.of("erin"))), "mail");
        assertEquals("erin@example.com", claim.value());
        assertTrue(claim.source().startsWith("the alternate email attribute \"mail\" (sent as http://schemas"), claim.source());
        assertEquals("frank@example.com", FederationIdentity.of(assertion("x", NameIdFormats.UNSPECIFIED,
                Map.of("urn:oid:0.9.2342.19200300.100.1.3", List.of("frank@example.com"))), "email"));
        assertEquals("S-1-5-21", FederationIdentity.of(assertion("S-1-5-21", NameIdFormats.UNSPECIFIED,
                Map.of("department", List.of("Sales"))), "Department"), "other names match exactly, case included");
        assertTrue(FederationIdentity.resolve(assertion("grace@example.com", NameIdFormats.EMAIL_ADDRESS, Map.of()), "mail")
                .source().startsWith("the NameID (format " + NameIdFormats.EMAIL_ADDRESS + "), as the assertion carries no uid"));
    }

    @Test
    void sayingWhatWasLookedForWhenNothingNamesTheUser() {
        SamlRejectedException e = assertThrows(SamlRejectedException.class, () -> FederationIdentity.of(
                assertion("f81d", NameIdFormats.TRANSIENT, Map.of("cn", List.of("Heidi"))), null));
        assertTrue(e.detail().contains("urn:oid:0.9.2342.19200300.100.1.1"), e.detail());
        assertTrue(e.detail().contains("attributes received: [cn]"), e.detail());
    }
}
