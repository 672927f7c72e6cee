package org.openenvelope.saml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openenvelope.saml.validation.ValidatedAssertion;
import org.openenvelope.saml.xml.NameIdFormats;
import org.openenvelope.saml.xml.SamlFailure;
import org.openenvelope.saml.xml.SamlRejectedException;

class FederationIdentityTest {

    private static ValidatedAssertion assertion(String nameId, String format, Map<String, List<String>> attributes) {
        return new ValidatedAssertion("https://idp.example", "_a", "_r", nameId, format, null, null, "_s",
                ResponseFixture.NOW, null, null, null, attributes);
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
}
