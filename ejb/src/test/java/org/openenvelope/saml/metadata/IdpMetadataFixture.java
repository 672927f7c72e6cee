package org.openenvelope.saml.metadata;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.apache.xml.security.signature.XMLSignature;
import org.apache.xml.security.transforms.Transforms;
import org.openenvelope.saml.xml.OpenSaml;
import org.opensaml.security.x509.BasicX509Credential;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * IdP metadata in the shapes the big IdPs publish, built in code: Entra ID (WS-Fed RoleDescriptors, several signing
 * keys, signed), ADFS (RoleDescriptors and its own SPSSODescriptor beside the IDPSSODescriptor), Duo (a KeyDescriptor
 * without "use", unsigned) and Keycloak (an EntitiesDescriptor wrapper, SOAP and Artifact endpoints). Signing is done
 * on the DOM with xmlsec, as the IdPs do, so the WS-Fed parts are covered by the signature.
 */
public final class IdpMetadataFixture {

    private static final String MD = "urn:oasis:names:tc:SAML:2.0:metadata";
    private static final String REDIRECT = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect";
    private static final String POST = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST";

    private String xml;
    private BasicX509Credential signer;

    private IdpMetadataFixture(String xml) {
        this.xml = xml;
    }

    public static IdpMetadataFixture entra(String tenant, X509Certificate... signing) {
        String entityId = "https://sts.windows.net/" + tenant + "/";
        String keys = keyDescriptors("signing", signing);
        return new IdpMetadataFixture("""
                <EntityDescriptor xmlns="urn:oasis:names:tc:SAML:2.0:metadata" ID="_%s" entityID="%s">
                  <RoleDescriptor xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                      xmlns:fed="http://docs.oasis-open.org/wsfed/federation/200706" xsi:type="fed:SecurityTokenServiceType"
                      protocolSupportEnumeration="http://docs.oasis-open.org/wsfed/federation/200706">
                    %s
                    <fed:PassiveRequestorEndpoint><wsa:EndpointReference xmlns:wsa="http://www.w3.org/2005/08/addressing">
                      <wsa:Address>https://login.microsoftonline.com/%s/wsfed</wsa:Address></wsa:EndpointReference></fed:PassiveRequestorEndpoint>
                  </RoleDescriptor>
                  <RoleDescriptor xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                      xmlns:fed="http://docs.oasis-open.org/wsfed/federation/200706" xsi:type="fed:ApplicationServiceType"
                      protocolSupportEnumeration="http://docs.oasis-open.org/wsfed/federation/200706">
                    <fed:TargetScopes/>
                  </RoleDescriptor>
                  <IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">
                    %s
                    <SingleLogoutService Binding="%s" Location="https://login.microsoftonline.com/%s/saml2"/>
                    <SingleSignOnService Binding="%s" Location="https://login.microsoftonline.com/%s/saml2"/>
                    <SingleSignOnService Binding="%s" Location="https://login.microsoftonline.com/%s/saml2"/>
                  </IDPSSODescriptor>
                </EntityDescriptor>
                """.formatted(tenant, entityId, keys, tenant, keys, REDIRECT, tenant, REDIRECT, tenant, POST, tenant));
    }

    public static IdpMetadataFixture adfs(String host, X509Certificate signing, X509Certificate encryption) {
        String keys = keyDescriptors("signing", signing);
        return new IdpMetadataFixture("""
                <EntityDescriptor xmlns="urn:oasis:names:tc:SAML:2.0:metadata" ID="_adfs" entityID="http://%s/adfs/services/trust">
                  <RoleDescriptor xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                      xmlns:fed="http://docs.oasis-open.org/wsfed/federation/200706" xsi:type="fed:SecurityTokenServiceType"
                      protocolSupportEnumeration="http://docs.oasis-open.org/wsfed/federation/200706">%s</RoleDescriptor>
                  <SPSSODescriptor WantAssertionsSigned="true" protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">
                    %s
                    <AssertionConsumerService Binding="%s" Location="https://%s/adfs/ls/" index="0" isDefault="true"/>
                  </SPSSODescriptor>
                  <IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">
                    %s
                    %s
                    <SingleLogoutService Binding="%s" Location="https://%s/adfs/ls/"/>
                    <SingleLogoutService Binding="%s" Location="https://%s/adfs/ls/"/>
                    <NameIDFormat>urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress</NameIDFormat>
                    <NameIDFormat>urn:oasis:names:tc:SAML:2.0:nameid-format:persistent</NameIDFormat>
                    <NameIDFormat>urn:oasis:names:tc:SAML:2.0:nameid-format:transient</NameIDFormat>
                    <SingleSignOnService Binding="%s" Location="https://%s/adfs/ls/"/>
                    <SingleSignOnService Binding="%s" Location="https://%s/adfs/ls/"/>
                  </IDPSSODescriptor>
                </EntityDescriptor>
                """.formatted(host, keys, keyDescriptors("encryption", encryption), POST, host,
                keyDescriptors("encryption", encryption), keys, REDIRECT, host, POST, host, REDIRECT, host, POST, host));
    }

    public static IdpMetadataFixture duo(String id, X509Certificate signing) {
        return new IdpMetadataFixture("""
                <md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata"
                    entityID="https://sso-%s.sso.duosecurity.com/saml2/sp/%s/metadata">
                  <md:IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">
                    <md:KeyDescriptor><ds:KeyInfo xmlns:ds="http://www.w3.org/2000/09/xmldsig#"><ds:X509Data>
                      <ds:X509Certificate>%s</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>
                    <md:SingleLogoutService Binding="%s" Location="https://sso-%s.sso.duosecurity.com/saml2/sp/%s/slo"/>
                    <md:NameIDFormat>urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress</md:NameIDFormat>
                    <md:SingleSignOnService Binding="%s" Location="https://sso-%s.sso.duosecurity.com/saml2/sp/%s/sso"/>
                    <md:SingleSignOnService Binding="%s" Location="https://sso-%s.sso.duosecurity.com/saml2/sp/%s/sso"/>
                  </md:IDPSSODescriptor>
                </md:EntityDescriptor>
                """.formatted(id, id, base64(signing), REDIRECT, id, id, POST, id, id, REDIRECT, id, id));
    }

    public static IdpMetadataFixture keycloak(String base, String realm, X509Certificate signing) {
        String saml = base + "/realms/" + realm + "/protocol/saml";
        return new IdpMetadataFixture("""
                <md:EntitiesDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" Name="urn:keycloak" ID="_kc">
                  <md:EntityDescriptor entityID="%s/realms/%s">
                    <md:IDPSSODescriptor WantAuthnRequestsSigned="true" protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">
                      %s
                      <md:ArtifactResolutionService Binding="urn:oasis:names:tc:SAML:2.0:bindings:SOAP" Location="%s/resolve" index="0"/>
                      <md:SingleLogoutService Binding="%s" Location="%s"/>
                      <md:SingleLogoutService Binding="%s" Location="%s"/>
                      <md:SingleLogoutService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Artifact" Location="%s"/>
                      <md:NameIDFormat>urn:oasis:names:tc:SAML:2.0:nameid-format:persistent</md:NameIDFormat>
                      <md:NameIDFormat>urn:oasis:names:tc:SAML:2.0:nameid-format:transient</md:NameIDFormat>
                      <md:NameIDFormat>urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified</md:NameIDFormat>
                      <md:NameIDFormat>urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress</md:NameIDFormat>
                      <md:SingleSignOnService Binding="%s" Location="%s"/>
                      <md:SingleSignOnService Binding="%s" Location="%s"/>
                      <md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:SOAP" Location="%s"/>
                    </md:IDPSSODescriptor>
                  </md:EntityDescriptor>
                </md:EntitiesDescriptor>
                """.formatted(base, realm, keyDescriptors("signing", signing).replace("<KeyDescriptor", "<md:KeyDescriptor")
                        .replace("</KeyDescriptor>", "</md:KeyDescriptor>"), saml, POST, saml, REDIRECT, saml, saml,
                POST, saml, REDIRECT, saml, saml));
    }

    /** A document as given, for shapes the builders above do not cover. */
    public static IdpMetadataFixture raw(String xml) {
        return new IdpMetadataFixture(xml);
    }

    public IdpMetadataFixture signedBy(BasicX509Credential key) {
        signer = key;
        return this;
    }

    public byte[] build() {
        return signer == null ? xml.getBytes(StandardCharsets.UTF_8) : sign(xml, signer);
    }

    private static byte[] sign(String xml, BasicX509Credential key) {
        OpenSaml.ensureInitialized();
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            Document document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
            Element root = document.getDocumentElement();
            if (!root.hasAttribute("ID")) {
                root.setAttribute("ID", "_signed");
            }
            root.setIdAttribute("ID", true);
            XMLSignature signature = new XMLSignature(document, "", XMLSignature.ALGO_ID_SIGNATURE_RSA_SHA256,
                    Transforms.TRANSFORM_C14N_EXCL_OMIT_COMMENTS);
            root.insertBefore(signature.getElement(), root.getFirstChild());
            Transforms transforms = new Transforms(document);
            transforms.addTransform(Transforms.TRANSFORM_ENVELOPED_SIGNATURE);
            transforms.addTransform(Transforms.TRANSFORM_C14N_EXCL_OMIT_COMMENTS);
            signature.addDocument("#" + root.getAttribute("ID"), transforms, "http://www.w3.org/2001/04/xmlenc#sha256");
            signature.addKeyInfo(key.getEntityCertificate());
            signature.sign(key.getPrivateKey());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            TransformerFactory.newInstance().newTransformer().transform(new DOMSource(document), new StreamResult(out));
            return out.toByteArray();
        } catch (Exception e) {
            throw new IllegalStateException("could not sign the fixture", e);
        }
    }

    private static String keyDescriptors(String use, X509Certificate... certificates) {
        return List.of(certificates).stream().map(certificate -> """
                <KeyDescriptor use="%s"><KeyInfo xmlns="http://www.w3.org/2000/09/xmldsig#"><X509Data>
                  <X509Certificate>%s</X509Certificate></X509Data></KeyInfo></KeyDescriptor>""".formatted(use, base64(certificate)))
                .collect(Collectors.joining("\n"));
    }

    static String base64(X509Certificate certificate) {
        try {
            return Base64.getEncoder().encodeToString(certificate.getEncoded());
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sets WantAuthnRequestsSigned on the IDPSSODescriptor ("true", "false"; null removes it). */
    public IdpMetadataFixture wantAuthnRequestsSigned(String value) {
        xml = xml.replaceAll(" WantAuthnRequestsSigned=\"[^\"]*\"", "");
        if (value != null) {
            xml = xml.replaceFirst("(<(md:)?IDPSSODescriptor )", "$1WantAuthnRequestsSigned=\"" + value + "\" ");
        }
        return this;
    }

    /** Sets validUntil on the document's root element. */
    public IdpMetadataFixture validUntil(Instant instant) {
        xml = xml.replaceFirst("(<(md:)?Entit(y|ies)Descriptor )", "$1validUntil=\"" + instant + "\" ");
        return this;
    }
}
