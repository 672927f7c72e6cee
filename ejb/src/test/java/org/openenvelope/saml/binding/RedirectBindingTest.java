package org.openenvelope.saml.binding;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openenvelope.saml.keys.SelfSignedCertificates;
import org.openenvelope.saml.xml.AlgorithmPolicy;
import org.openenvelope.saml.xml.SamlFailure;
import org.openenvelope.saml.xml.SamlRejectedException;
import org.opensaml.security.x509.BasicX509Credential;

class RedirectBindingTest {

    private static final BasicX509Credential KEY = SelfSignedCertificates.generate("redirect.example",
            Instant.parse("2026-01-01T00:00:00Z"), Duration.ofDays(365));
    private static final byte[] XML = "<samlp:AuthnRequest xmlns:samlp=\"urn:oasis:names:tc:SAML:2.0:protocol\" ID=\"_1\"/>"
            .getBytes(StandardCharsets.UTF_8);

    private static String queryOf(OutgoingMessage.Redirect redirect) {
        return URI.create(redirect.url()).getRawQuery();
    }

    @Test
    void encodesDeflatedSignedMessagesThatDecodeToTheSameXml() {
        OutgoingMessage.Redirect redirect = RedirectBinding.encode("https://idp.example/sso",
                RedirectBinding.SAML_REQUEST, XML, "/websafe/inbox?x=1&y=2", KEY);

        assertTrue(redirect.url().startsWith("https://idp.example/sso?SAMLRequest="));
        RedirectBinding.Received received = RedirectBinding.decode(queryOf(redirect), RedirectBinding.SAML_REQUEST);
        assertArrayEquals(XML, received.xml());
        assertEquals("/websafe/inbox?x=1&y=2", received.relayState());
        assertEquals(AlgorithmPolicy.RSA_SHA256, received.sigAlg());
        received.verify(List.of(KEY.getEntityCertificate()), false);
    }

    @Test
    void keepsTheEndpointsOwnQueryParameters() {
        OutgoingMessage.Redirect redirect = RedirectBinding.encode("https://idp.example/sso?tenant=a",
                RedirectBinding.SAML_REQUEST, XML, null, KEY);
        assertTrue(redirect.url().startsWith("https://idp.example/sso?tenant=a&SAMLRequest="));
        RedirectBinding.decode(queryOf(redirect), RedirectBinding.SAML_REQUEST)
                .verify(List.of(KEY.getEntityCertificate()), false);
    }

    @Test
    void verifiesOverTheQueryAsReceivedNotAReEncoding() throws Exception {
        // Another implementation's percent-encoding (lower-case hex, %20 for space) that ours would not produce.
        String message = URLEncoder.encode(Base64.getEncoder().encodeToString(RedirectBinding.deflate(XML)), StandardCharsets.UTF_8);
        String signedPart = "SAMLResponse=" + message + "&RelayState=a%2fb%20c&SigAlg="
                + "http%3a%2f%2fwww.w3.org%2f2001%2f04%2fxmldsig-more%23rsa-sha256";
        Signature signer = Signature.getInstance("SHA256withRSA");
        signer.initSign(KEY.getPrivateKey());
        signer.update(signedPart.getBytes(StandardCharsets.UTF_8));
        String query = signedPart + "&Signature=" + URLEncoder.encode(Base64.getEncoder().encodeToString(signer.sign()), StandardCharsets.UTF_8);

        RedirectBinding.Received received = RedirectBinding.decode(query, RedirectBinding.SAML_RESPONSE);
        assertEquals("a/b c", received.relayState());
        received.verify(List.of(KEY.getEntityCertificate()), false);
    }

    @Test
    void refusesATamperedRelayState() {
        String query = queryOf(RedirectBinding.encode("https://idp.example/sso", RedirectBinding.SAML_REQUEST, XML, "/a", KEY));
        RedirectBinding.Received tampered = RedirectBinding.decode(query.replace("RelayState=%2Fa", "RelayState=%2Fb"),
                RedirectBinding.SAML_REQUEST);
        assertEquals(SamlFailure.SIGNATURE_INVALID, assertThrows(SamlRejectedException.class,
                () -> tampered.verify(List.of(KEY.getEntityCertificate()), false)).failure());
    }

    @Test
    void refusesAnUnsignedRedirectWhenASignatureIsRequired() {
        String query = queryOf(RedirectBinding.encode("https://idp.example/sso", RedirectBinding.SAML_REQUEST, XML, null, KEY));
        String unsigned = query.substring(0, query.indexOf("&SigAlg="));
        RedirectBinding.Received received = RedirectBinding.decode(unsigned, RedirectBinding.SAML_REQUEST);
        assertFalse(received.isSigned());
        assertEquals(SamlFailure.SIGNATURE_MISSING, assertThrows(SamlRejectedException.class,
                () -> received.verify(List.of(KEY.getEntityCertificate()), false)).failure());
    }

    @Test
    void refusesSha1QueryStringSignaturesUnlessAllowed() throws Exception {
        String message = URLEncoder.encode(Base64.getEncoder().encodeToString(RedirectBinding.deflate(XML)), StandardCharsets.UTF_8);
        String signedPart = "SAMLRequest=" + message + "&SigAlg=" + URLEncoder.encode(AlgorithmPolicy.RSA_SHA1, StandardCharsets.UTF_8);
        Signature signer = Signature.getInstance("SHA1withRSA");
        signer.initSign(KEY.getPrivateKey());
        signer.update(signedPart.getBytes(StandardCharsets.UTF_8));
        String query = signedPart + "&Signature=" + URLEncoder.encode(Base64.getEncoder().encodeToString(signer.sign()), StandardCharsets.UTF_8);

        RedirectBinding.Received received = RedirectBinding.decode(query, RedirectBinding.SAML_REQUEST);
        assertEquals(SamlFailure.WEAK_ALGORITHM, assertThrows(SamlRejectedException.class,
                () -> received.verify(List.of(KEY.getEntityCertificate()), false)).failure());
        received.verify(List.of(KEY.getEntityCertificate()), true);
    }

    @Test
    void refusesARepeatedParameter() {
        String query = queryOf(RedirectBinding.encode("https://idp.example/sso", RedirectBinding.SAML_REQUEST, XML, "/a", KEY));
        assertEquals(SamlFailure.MALFORMED_MESSAGE, assertThrows(SamlRejectedException.class,
                () -> RedirectBinding.decode(query + "&RelayState=%2Fevil", RedirectBinding.SAML_REQUEST)).failure());
    }

    @Test
    void refusesAMissingMessageAndBrokenEncodings() {
        assertEquals(SamlFailure.MALFORMED_MESSAGE, assertThrows(SamlRejectedException.class,
                () -> RedirectBinding.decode("RelayState=x", RedirectBinding.SAML_REQUEST)).failure());
        assertEquals(SamlFailure.MALFORMED_MESSAGE, assertThrows(SamlRejectedException.class,
                () -> RedirectBinding.decode("SAMLRequest=%%%", RedirectBinding.SAML_REQUEST)).failure());
        assertEquals(SamlFailure.MALFORMED_MESSAGE, assertThrows(SamlRejectedException.class,
                () -> RedirectBinding.decode("SAMLRequest=bm90IGRlZmxhdGU%3D", RedirectBinding.SAML_REQUEST)).failure());
    }

    @Test
    void stopsInflatingADeflateBomb() {
        byte[] bomb = RedirectBinding.deflate(new byte[20 * 1024 * 1024]);
        String query = "SAMLRequest=" + URLEncoder.encode(Base64.getEncoder().encodeToString(bomb), StandardCharsets.UTF_8);
        SamlRejectedException e = assertThrows(SamlRejectedException.class,
                () -> RedirectBinding.decode(query, RedirectBinding.SAML_REQUEST));
        assertTrue(e.detail().contains("inflates to more than"), e.detail());
    }
}
