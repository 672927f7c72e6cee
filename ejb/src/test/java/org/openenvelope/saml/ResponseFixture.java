package org.openenvelope.saml;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.openenvelope.saml.validation.IdentityProviderTrust;
import org.openenvelope.saml.validation.ReplayCache;
import org.openenvelope.saml.validation.RequestTracker;
import org.openenvelope.saml.validation.ServiceProviderParty;
import org.openenvelope.saml.xml.AlgorithmPolicy;
import org.openenvelope.saml.xml.NameIdFormats;
import org.openenvelope.saml.xml.OpenSaml;
import org.openenvelope.saml.xml.XmlSigner;
import org.opensaml.core.xml.schema.XSString;
import org.opensaml.saml.saml2.core.Assertion;
import org.opensaml.saml.saml2.core.Attribute;
import org.opensaml.saml.saml2.core.AttributeStatement;
import org.opensaml.saml.saml2.core.AttributeValue;
import org.opensaml.saml.saml2.core.Audience;
import org.opensaml.saml.saml2.core.AudienceRestriction;
import org.opensaml.saml.saml2.core.AuthnContext;
import org.opensaml.saml.saml2.core.AuthnContextClassRef;
import org.opensaml.saml.saml2.core.AuthnStatement;
import org.opensaml.saml.saml2.core.Conditions;
import org.opensaml.saml.saml2.core.EncryptedAssertion;
import org.opensaml.saml.saml2.core.Issuer;
import org.opensaml.saml.saml2.core.NameID;
import org.opensaml.saml.saml2.core.Response;
import org.opensaml.saml.saml2.core.Status;
import org.opensaml.saml.saml2.core.StatusCode;
import org.opensaml.saml.saml2.core.StatusMessage;
import org.opensaml.saml.saml2.core.Subject;
import org.opensaml.saml.saml2.core.SubjectConfirmation;
import org.opensaml.saml.saml2.core.SubjectConfirmationData;
import org.opensaml.saml.saml2.encryption.Encrypter;
import org.opensaml.security.x509.BasicX509Credential;
import org.opensaml.xmlsec.encryption.support.DataEncryptionParameters;
import org.opensaml.xmlsec.encryption.support.EncryptionException;
import org.opensaml.xmlsec.encryption.support.KeyEncryptionParameters;
import org.opensaml.xmlsec.keyinfo.impl.X509KeyInfoGeneratorFactory;

/**
 * Builds the Response a well-behaved IdP would send, then lets a test break exactly one thing about it.
 * Defaults: both Response and Assertion signed by {@link TestKeys#IDP}, answering {@link #REQUEST_ID}, for the SP
 * {@link #SP_ENTITY_ID}; in-container tests point it at a deployed account with {@link #forServiceProvider} and
 * {@link #issuedBy}.
 */
public final class ResponseFixture {

    public static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    public static final String IDP_ENTITY_ID = "https://idp.example/realms/test";
    public static final String SP_ENTITY_ID = "https://sp.example/saml/A1B2C3D4";
    public static final String ACS_URL = "https://sp.example/saml/A1B2C3D4/acs";
    public static final String SLO_URL = "https://sp.example/saml/A1B2C3D4/slo";
    public static final String REQUEST_ID = "_request-1";

    private final List<Consumer<Assertion>> assertionChanges = new ArrayList<>();
    private final List<Consumer<Response>> responseChanges = new ArrayList<>();
    private String idpEntityId = IDP_ENTITY_ID;
    private String spEntityId = SP_ENTITY_ID;
    private String acsUrl = ACS_URL;
    private String requestId = REQUEST_ID;
    private Instant now = NOW;
    private BasicX509Credential responseKey;
    private BasicX509Credential assertionKey;
    private BasicX509Credential encryptionKey;
    private String signatureAlgorithm = AlgorithmPolicy.RSA_SHA256;
    private boolean encrypt;
    private String dataEncryption = "http://www.w3.org/2009/xmlenc11#aes256-gcm";
    private String keyTransport = "http://www.w3.org/2001/04/xmlenc#rsa-oaep-mgf1p";
    private boolean encryptNameIdAsAssertion;
    private String assertionId = "_assertion-" + System.nanoTime();

    public static ResponseFixture valid() {
        return new ResponseFixture().issuedBy(IDP_ENTITY_ID, TestKeys.IDP);
    }

    /** An IdP with its own entity ID and signing key; signs Response and Assertion. */
    public static ResponseFixture from(String idpEntityId, BasicX509Credential key) {
        return new ResponseFixture().issuedBy(idpEntityId, key);
    }

    private ResponseFixture issuedBy(String entityId, BasicX509Credential key) {
        idpEntityId = entityId;
        responseKey = key;
        assertionKey = key;
        return this;
    }

    public ResponseFixture forServiceProvider(String entityId, String assertionConsumerUrl) {
        spEntityId = entityId;
        acsUrl = assertionConsumerUrl;
        return this;
    }

    /** The AuthnRequest answered; null for an IdP-initiated Response. */
    public ResponseFixture inResponseTo(String id) {
        requestId = id;
        return this;
    }

    public ResponseFixture at(Instant instant) {
        now = instant;
        return this;
    }

    /** Names the user by this NameID alone: the default uid attribute, which would win, is dropped. */
    public ResponseFixture nameId(String format, String value) {
        return assertion(a -> {
            a.getSubject().getNameID().setFormat(format);
            a.getSubject().getNameID().setValue(value);
            for (AttributeStatement statement : a.getAttributeStatements()) {
                statement.getAttributes().stream().filter(attribute -> attribute.getName().equals("uid"))
                        .toList().forEach(statement.getAttributes()::remove);
            }
        });
    }

    /** Encrypts the assertion to the SP's (public) certificate. */
    public ResponseFixture encryptedFor(java.security.cert.X509Certificate spCertificate) {
        encrypt = true;
        encryptionKey = new BasicX509Credential(spCertificate);
        return this;
    }

    public static ServiceProviderParty serviceProvider() {
        return new ServiceProviderParty(SP_ENTITY_ID, ACS_URL, SLO_URL, TestKeys.SP, List.of(TestKeys.SP, TestKeys.SP_NEXT));
    }

    public static IdentityProviderTrust trust() {
        return new IdentityProviderTrust(IDP_ENTITY_ID, List.of(TestKeys.IDP.getEntityCertificate()),
                Duration.ofSeconds(60), false, false);
    }

    public static Clock clockAt(Instant instant) {
        return Clock.fixed(instant, ZoneOffset.UTC);
    }

    public ResponseFixture assertion(Consumer<Assertion> change) {
        assertionChanges.add(change);
        return this;
    }

    public ResponseFixture response(Consumer<Response> change) {
        responseChanges.add(change);
        return this;
    }

    /** The IdP refuses the sign-in: a status other than Success, a second-level code and message, no assertion. */
    public ResponseFixture refusedWith(String statusCode, String detailCode, String message) {
        return response(r -> {
            r.setStatus(status(statusCode));
            StatusCode detail = OpenSaml.build(StatusCode.DEFAULT_ELEMENT_NAME);
            detail.setValue(detailCode);
            r.getStatus().getStatusCode().setStatusCode(detail);
            StatusMessage text = OpenSaml.build(StatusMessage.DEFAULT_ELEMENT_NAME);
            text.setValue(message);
            r.getStatus().setStatusMessage(text);
            r.getAssertions().clear();
        });
    }

    public ResponseFixture unsignedResponse() {
        responseKey = null;
        return this;
    }

    public ResponseFixture unsignedAssertion() {
        assertionKey = null;
        return this;
    }

    public ResponseFixture signedBy(BasicX509Credential key) {
        responseKey = responseKey == null ? null : key;
        assertionKey = assertionKey == null ? null : key;
        return this;
    }

    public ResponseFixture signatureAlgorithm(String algorithm) {
        signatureAlgorithm = algorithm;
        return this;
    }

    public ResponseFixture encrypted() {
        encrypt = true;
        return this;
    }

    /** Encrypts the assertion with these content and key-transport algorithms. */
    public ResponseFixture encryptedWith(String dataAlgorithm, String keyAlgorithm) {
        encrypt = true;
        dataEncryption = dataAlgorithm;
        keyTransport = keyAlgorithm;
        return this;
    }

    /** An EncryptedAssertion whose plaintext is the assertion's NameID, not an assertion. */
    public ResponseFixture encryptedAssertionHoldingTheNameId() {
        encrypt = true;
        encryptNameIdAsAssertion = true;
        return this;
    }

    public ResponseFixture assertionId(String id) {
        assertionId = id;
        return this;
    }

    public Response buildObject() {
        Assertion assertion = assertion();
        assertionChanges.forEach(change -> change.accept(assertion));
        if (assertionKey != null) {
            sign(assertion, assertionKey);
        }
        Response response = OpenSaml.build(Response.DEFAULT_ELEMENT_NAME);
        response.setID("_response-" + System.nanoTime());
        response.setIssueInstant(now);
        response.setDestination(acsUrl);
        response.setInResponseTo(requestId);
        response.setIssuer(issuer(idpEntityId));
        response.setStatus(status(StatusCode.SUCCESS));
        if (encrypt) {
            response.getEncryptedAssertions().add(encrypt(assertion, encryptionKey != null ? encryptionKey : TestKeys.SP));
        } else {
            response.getAssertions().add(assertion);
        }
        responseChanges.forEach(change -> change.accept(response));
        if (responseKey != null) {
            sign(response, responseKey);
        }
        return response;
    }

    public byte[] build() {
        return OpenSaml.serialize(buildObject());
    }

    private void sign(org.opensaml.saml.common.SignableSAMLObject object, BasicX509Credential key) {
        if (AlgorithmPolicy.RSA_SHA256.equals(signatureAlgorithm)) {
            XmlSigner.sign(object, key);
            return;
        }
        var parameters = new org.opensaml.xmlsec.SignatureSigningParameters();
        X509KeyInfoGeneratorFactory keyInfo = new X509KeyInfoGeneratorFactory();
        keyInfo.setEmitEntityCertificate(true);
        parameters.setSigningCredential(key);
        parameters.setSignatureAlgorithm(signatureAlgorithm);
        parameters.setSignatureReferenceDigestMethod(AlgorithmPolicy.RSA_SHA1.equals(signatureAlgorithm)
                ? AlgorithmPolicy.DIGEST_SHA1 : AlgorithmPolicy.DIGEST_SHA256);
        parameters.setSignatureCanonicalizationAlgorithm("http://www.w3.org/2001/10/xml-exc-c14n#");
        parameters.setKeyInfoGenerator(keyInfo.newInstance());
        try {
            org.opensaml.xmlsec.signature.support.SignatureSupport.signObject(object, parameters);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private EncryptedAssertion encrypt(Assertion assertion, BasicX509Credential recipient) {
        DataEncryptionParameters data = new DataEncryptionParameters();
        data.setAlgorithm(dataEncryption);
        KeyEncryptionParameters key = new KeyEncryptionParameters();
        key.setEncryptionCredential(new BasicX509Credential(recipient.getEntityCertificate()));
        key.setAlgorithm(keyTransport);
        X509KeyInfoGeneratorFactory keyInfo = new X509KeyInfoGeneratorFactory();
        keyInfo.setEmitEntityCertificate(true);
        key.setKeyInfoGenerator(keyInfo.newInstance());
        Encrypter encrypter = new Encrypter(data, key);
        encrypter.setKeyPlacement(Encrypter.KeyPlacement.INLINE);
        try {
            if (!encryptNameIdAsAssertion) {
                return encrypter.encrypt(assertion);
            }
            // the same encryption of a NameID, renamed: an EncryptedAssertion whose plaintext is no assertion
            NameID standalone = OpenSaml.build(NameID.DEFAULT_ELEMENT_NAME);
            standalone.setFormat(NameIdFormats.EMAIL_ADDRESS);
            standalone.setValue(assertion.getSubject().getNameID().getValue());
            String nameId = new String(OpenSaml.serialize(encrypter.encrypt(standalone)), java.nio.charset.StandardCharsets.UTF_8);
            return (EncryptedAssertion) OpenSaml.parse(nameId.replace("EncryptedID", "EncryptedAssertion")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (EncryptionException e) {
            throw new IllegalStateException(e);
        }
    }

    private Assertion assertion() {
        Assertion assertion = OpenSaml.build(Assertion.DEFAULT_ELEMENT_NAME);
        assertion.setID(assertionId);
        assertion.setIssueInstant(now);
        assertion.setIssuer(issuer(idpEntityId));

        NameID nameId = OpenSaml.build(NameID.DEFAULT_ELEMENT_NAME);
        nameId.setFormat(NameIdFormats.EMAIL_ADDRESS);
        nameId.setValue("alice@example.com");
        SubjectConfirmationData data = OpenSaml.build(SubjectConfirmationData.DEFAULT_ELEMENT_NAME);
        data.setRecipient(acsUrl);
        data.setNotOnOrAfter(now.plusSeconds(300));
        data.setInResponseTo(requestId);
        SubjectConfirmation confirmation = OpenSaml.build(SubjectConfirmation.DEFAULT_ELEMENT_NAME);
        confirmation.setMethod(SubjectConfirmation.METHOD_BEARER);
        confirmation.setSubjectConfirmationData(data);
        Subject subject = OpenSaml.build(Subject.DEFAULT_ELEMENT_NAME);
        subject.setNameID(nameId);
        subject.getSubjectConfirmations().add(confirmation);
        assertion.setSubject(subject);

        Audience audience = OpenSaml.build(Audience.DEFAULT_ELEMENT_NAME);
        audience.setURI(spEntityId);
        AudienceRestriction restriction = OpenSaml.build(AudienceRestriction.DEFAULT_ELEMENT_NAME);
        restriction.getAudiences().add(audience);
        Conditions conditions = OpenSaml.build(Conditions.DEFAULT_ELEMENT_NAME);
        conditions.setNotBefore(now.minusSeconds(60));
        conditions.setNotOnOrAfter(now.plusSeconds(300));
        conditions.getAudienceRestrictions().add(restriction);
        assertion.setConditions(conditions);

        AuthnContextClassRef classRef = OpenSaml.build(AuthnContextClassRef.DEFAULT_ELEMENT_NAME);
        classRef.setURI(AuthnContext.PPT_AUTHN_CTX);
        AuthnContext context = OpenSaml.build(AuthnContext.DEFAULT_ELEMENT_NAME);
        context.setAuthnContextClassRef(classRef);
        AuthnStatement authn = OpenSaml.build(AuthnStatement.DEFAULT_ELEMENT_NAME);
        authn.setAuthnInstant(now.minusSeconds(5));
        authn.setSessionIndex("_session-1");
        authn.setAuthnContext(context);
        assertion.getAuthnStatements().add(authn);

        AttributeStatement attributes = OpenSaml.build(AttributeStatement.DEFAULT_ELEMENT_NAME);
        attributes.getAttributes().add(attribute("uid", "alice@example.com"));
        attributes.getAttributes().add(attribute("mail", "Alice.Smith@example.com"));
        assertion.getAttributeStatements().add(attributes);
        return assertion;
    }

    public static Attribute attribute(String name, String value) {
        Attribute attribute = OpenSaml.build(Attribute.DEFAULT_ELEMENT_NAME);
        attribute.setName(name);
        XSString xsValue = (XSString) org.opensaml.core.xml.util.XMLObjectSupport.getBuilder(XSString.TYPE_NAME)
                .buildObject(AttributeValue.DEFAULT_ELEMENT_NAME, XSString.TYPE_NAME);
        xsValue.setValue(value);
        attribute.getAttributeValues().add(xsValue);
        return attribute;
    }

    public static Issuer issuer() {
        return issuer(IDP_ENTITY_ID);
    }

    public static Issuer issuer(String entityId) {
        Issuer issuer = OpenSaml.build(Issuer.DEFAULT_ELEMENT_NAME);
        issuer.setValue(entityId);
        return issuer;
    }

    public static Status status(String code) {
        StatusCode statusCode = OpenSaml.build(StatusCode.DEFAULT_ELEMENT_NAME);
        statusCode.setValue(code);
        Status status = OpenSaml.build(Status.DEFAULT_ELEMENT_NAME);
        status.setStatusCode(statusCode);
        return status;
    }

    /** A request tracker with a set of outstanding ids, each consumable once. */
    public static final class Requests implements RequestTracker {
        public final Set<String> outstanding = new HashSet<>(Set.of(REQUEST_ID));

        @Override
        public boolean consume(String requestId) {
            return outstanding.remove(requestId);
        }
    }

    /** An in-memory replay cache. */
    public static final class Replays implements ReplayCache {
        final Set<String> seen = new HashSet<>();

        @Override
        public boolean firstUse(String issuer, String assertionId, Instant expiresAt) {
            return seen.add(issuer + " " + assertionId);
        }
    }
}
