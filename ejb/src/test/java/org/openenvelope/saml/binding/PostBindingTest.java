package org.openenvelope.saml.binding;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.openenvelope.saml.xml.SamlFailure;
import org.openenvelope.saml.xml.SamlRejectedException;

class PostBindingTest {

    private static final byte[] XML = "<samlp:Response xmlns:samlp=\"urn:oasis:names:tc:SAML:2.0:protocol\"/>"
            .getBytes(StandardCharsets.UTF_8);

    @Test
    void encodesTheMessageAndRelayStateAsFormFields() {
        OutgoingMessage.Post post = PostBinding.encode("https://idp.example/sso", "SAMLRequest", XML, "/websafe/");
        assertEquals("https://idp.example/sso", post.action());
        assertEquals("/websafe/", post.fields().get("RelayState"));
        assertArrayEquals(XML, PostBinding.decode("SAMLRequest", post.fields().get("SAMLRequest")));
    }

    @Test
    void leavesOutAnAbsentRelayState() {
        assertFalse(PostBinding.encode("https://idp.example/sso", "SAMLRequest", XML, null).fields().containsKey("RelayState"));
    }

    @Test
    void acceptsBase64WrappedInLinesAsSomeIdentityProvidersSendIt() {
        String wrapped = java.util.Base64.getMimeEncoder(16, "\r\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(XML);
        assertArrayEquals(XML, PostBinding.decode("SAMLResponse", wrapped));
    }

    @Test
    void refusesMissingBrokenAndOversizedFields() {
        assertEquals(SamlFailure.MALFORMED_MESSAGE, assertThrows(SamlRejectedException.class,
                () -> PostBinding.decode("SAMLResponse", null)).failure());
        assertEquals(SamlFailure.MALFORMED_MESSAGE, assertThrows(SamlRejectedException.class,
                () -> PostBinding.decode("SAMLResponse", "***")).failure());
        assertEquals(SamlFailure.MALFORMED_MESSAGE, assertThrows(SamlRejectedException.class,
                () -> PostBinding.decode("SAMLResponse", "A".repeat(2 * 1024 * 1024))).failure());
    }
}
