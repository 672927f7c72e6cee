package org.openenvelope.testing;

import jakarta.json.Json;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.openenvelope.saml.ResponseFixture;
import org.openenvelope.saml.binding.RedirectBinding;
import org.openenvelope.saml.xml.OpenSaml;
import org.opensaml.saml.common.xml.SAMLConstants;
import org.opensaml.saml.saml2.core.AuthnRequest;
import org.opensaml.saml.saml2.metadata.EntityDescriptor;
import org.opensaml.saml.saml2.metadata.KeyDescriptor;
import org.opensaml.security.credential.UsageType;
import org.opensaml.xmlsec.keyinfo.KeyInfoSupport;
import org.openenvelope.saml.keys.SelfSignedCertificates;
import org.openenvelope.saml.xml.NameIdFormats;
import org.opensaml.security.x509.BasicX509Credential;

/**
 * An identity provider the test plays itself, enabled as an account's IdP (draft, passing Test SSO, Enable): its
 * key is the test's, so the test answers AuthnRequests for one user as a real IdP would.
 */
public final class ScriptedIdentityProvider {

    private final URI base;
    private final String account;
    private final String entityId;
    private final BasicX509Credential key;
    private final String user;

    private ScriptedIdentityProvider(URI base, String account, String user) {
        this.base = base;
        this.account = account;
        this.user = user;
        this.entityId = "https://idp.test.example/" + Fixtures.unique("realm");
        this.key = SelfSignedCertificates.generate("idp.scripted.example", Instant.now().minusSeconds(60), Duration.ofDays(30));
    }

    /** Enables the IdP for the account, its sign-in page at {@code ssoUrl} (Redirect binding), answering for {@code user}. */
    public static ScriptedIdentityProvider enable(ApiClient api, URI base, String account, String user, String ssoUrl) {
        return enable(api, base, account, null, user, ssoUrl);
    }

    /**
     * Enables the IdP as the account's identity provider {@code name} (null: the default), signing in the Profiles
     * entries {@code domains}.
     */
    public static ScriptedIdentityProvider enable(ApiClient api, URI base, String account, String name, String user,
                                                  String ssoUrl, String... domains) {
        ScriptedIdentityProvider idp = new ScriptedIdentityProvider(base, account, user);
        SsoSetup.enableWithScriptedIdp(api, base, account, name, Json.createObjectBuilder().add("entityId", idp.entityId)
                .add("ssoUrl", ssoUrl).add("ssoBinding", "HTTP_REDIRECT")
                .add("certificates", Json.createArrayBuilder().add(pem(idp.key.getEntityCertificate()))).build().toString(),
                idp.answer(), domains);
        return idp;
    }

    /** A signed answer naming the user by an emailAddress NameID, for the account's SP. */
    public ResponseFixture answer() {
        return ResponseFixture.from(entityId, key).forServiceProvider(base.resolve("saml/" + account).toString(),
                        base.resolve("saml/" + account + "/acs").toString()).at(Instant.now())
                .nameId(NameIdFormats.EMAIL_ADDRESS, user).assertion(a -> a.getAttributeStatements().clear());
    }

    /** The answer to one AuthnRequest, Base64 as the HTTP-POST binding carries it. */
    public String answerTo(String requestId) {
        return answerTo(requestId, user);
    }

    /** The answer to one AuthnRequest for another user of the IdP. */
    public String answerTo(String requestId, String someone) {
        return Base64.getEncoder().encodeToString(answer().nameId(NameIdFormats.EMAIL_ADDRESS, someone)
                .inResponseTo(requestId).build());
    }

    /**
     * The SP's certificate for encryption as the account's metadata publishes it, to encrypt assertions to
     * ({@link ResponseFixture#encryptedFor}) as an IdP configured from that metadata does.
     */
    public X509Certificate serviceProviderCertificate() {
        EntityDescriptor metadata = (EntityDescriptor) OpenSaml.parse(new BrowserlessClient()
                .get(base.resolve("saml/" + account + "/metadata")).body().getBytes(StandardCharsets.UTF_8));
        KeyDescriptor key = metadata.getSPSSODescriptor(SAMLConstants.SAML20P_NS).getKeyDescriptors().stream()
                .filter(descriptor -> descriptor.getUse() == UsageType.ENCRYPTION).findFirst().orElseThrow();
        try {
            return KeyInfoSupport.getCertificates(key.getKeyInfo()).get(0);
        } catch (CertificateException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The id of the AuthnRequest a browser was sent to this IdP with (Redirect binding). */
    public static String requestId(URI atIdentityProvider) {
        return ((AuthnRequest) OpenSaml.parse(RedirectBinding.decode(atIdentityProvider.getRawQuery(),
                RedirectBinding.SAML_REQUEST).xml())).getID();
    }

    public static String pem(X509Certificate certificate) {
        try {
            return "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder().encodeToString(certificate.getEncoded())
                    + "\n-----END CERTIFICATE-----";
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
