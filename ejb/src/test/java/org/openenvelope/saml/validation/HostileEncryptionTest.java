package org.openenvelope.saml.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openenvelope.saml.ResponseFixture;
import org.openenvelope.saml.TestKeys;
import org.openenvelope.saml.xml.OpenSaml;
import org.openenvelope.saml.xml.SamlFailure;
import org.openenvelope.saml.xml.SamlRejectedException;
import org.opensaml.saml.saml2.core.EncryptedAssertion;
import org.opensaml.saml.saml2.core.Response;
import org.opensaml.saml.saml2.encryption.Decrypter;
import org.opensaml.xmlsec.encryption.support.DecryptionException;
import org.opensaml.xmlsec.encryption.support.InlineEncryptedKeyResolver;
import org.opensaml.xmlsec.keyinfo.impl.StaticKeyInfoCredentialResolver;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The xmlsec 2.1.4 hole (Shibboleth advisory 2022-12-12): an unsigned Response whose EncryptedData points at its
 * cipher text through a CipherReference with an XSLT transform made the decrypter fetch the reference and run the
 * stylesheet. A local HTTP server counts whether anything was fetched.
 */
class HostileEncryptionTest {

    private static final String XENC = "http://www.w3.org/2001/04/xmlenc#";
    private static final String DSIG = "http://www.w3.org/2000/09/xmldsig#";

    private HttpServer server;
    private final AtomicInteger fetches = new AtomicInteger();

    @BeforeEach
    void startServer() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            fetches.incrementAndGet();
            byte[] body = "AAAA".getBytes(StandardCharsets.US_ASCII);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    @Test
    void theValidatorRefusesACipherReferenceBeforeDecrypting() throws Exception {
        byte[] hostile = withCipherReference(ResponseFixture.valid().unsignedResponse().encrypted().build());
        SamlRejectedException e = assertThrows(SamlRejectedException.class, () -> new ResponseValidator(
                ResponseFixture.serviceProvider(), ResponseFixture.trust(), new ResponseFixture.Requests(),
                new ResponseFixture.Replays(), ResponseFixture.clockAt(ResponseFixture.NOW)).validate(hostile));
        assertEquals(SamlFailure.HOSTILE_ENCRYPTION, e.failure());
        assertEquals(0, fetches.get(), "nothing may be fetched");
    }

    @Test
    void theValidatorRefusesARetrievalMethod() throws Exception {
        String plain = new String(ResponseFixture.valid().unsignedResponse().encrypted().build(), StandardCharsets.UTF_8);
        String hostile = plain.replaceFirst("<ds:KeyInfo([^>]*)>", "<ds:KeyInfo$1><ds:RetrievalMethod URI=\"http://127.0.0.1:"
                + server.getAddress().getPort() + "/key\" Type=\"http://www.w3.org/2001/04/xmlenc#EncryptedKey\"/>");
        SamlRejectedException e = assertThrows(SamlRejectedException.class, () -> new ResponseValidator(
                ResponseFixture.serviceProvider(), ResponseFixture.trust(), new ResponseFixture.Requests(),
                new ResponseFixture.Replays(), ResponseFixture.clockAt(ResponseFixture.NOW))
                .validate(hostile.getBytes(StandardCharsets.UTF_8)));
        assertEquals(SamlFailure.HOSTILE_ENCRYPTION, e.failure());
        assertEquals(0, fetches.get());
    }

    @Test
    void theBundledXmlsecRefusesItEvenWhenCalledDirectly() throws Exception {
        // Bypasses our own check: OpenSAML's Decrypter with its defaults, as an SP built on it would call it.
        Response response = (Response) OpenSaml.parse(
                withCipherReference(ResponseFixture.valid().unsignedResponse().encrypted().build()));
        EncryptedAssertion encrypted = response.getEncryptedAssertions().get(0);
        Decrypter decrypter = new Decrypter(null,
                new StaticKeyInfoCredentialResolver(List.of(TestKeys.SP)), new InlineEncryptedKeyResolver());
        assertThrows(DecryptionException.class, () -> decrypter.decrypt(encrypted));
        assertEquals(0, fetches.get(), "xmlsec must neither dereference the CipherReference nor run its XSLT");
    }

    private byte[] withCipherReference(byte[] encryptedResponse) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(encryptedResponse));
        NodeList cipherData = document.getElementsByTagNameNS(XENC, "CipherData");
        Element outer = (Element) cipherData.item(cipherData.getLength() - 1);
        while (outer.hasChildNodes()) {
            outer.removeChild(outer.getFirstChild());
        }
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        Element reference = document.createElementNS(XENC, "xenc:CipherReference");
        reference.setAttribute("URI", base + "/cipher");
        Element transforms = document.createElementNS(XENC, "xenc:Transforms");
        Element transform = document.createElementNS(DSIG, "ds:Transform");
        transform.setAttribute("Algorithm", "http://www.w3.org/TR/1999/REC-xslt-19991116");
        String xsl = "http://www.w3.org/1999/XSL/Transform";
        Element stylesheet = document.createElementNS(xsl, "xsl:stylesheet");
        stylesheet.setAttribute("version", "1.0");
        Element template = document.createElementNS(xsl, "xsl:template");
        template.setAttribute("match", "/");
        Element valueOf = document.createElementNS(xsl, "xsl:value-of");
        valueOf.setAttribute("select", "document('" + base + "/xslt-ran')");
        template.appendChild(valueOf);
        stylesheet.appendChild(template);
        transform.appendChild(stylesheet);
        transforms.appendChild(transform);
        reference.appendChild(transforms);
        outer.appendChild(reference);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TransformerFactory.newInstance().newTransformer().transform(new DOMSource(document), new StreamResult(out));
        return out.toByteArray();
    }
}
