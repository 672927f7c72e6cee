package org.openenvelope.saml;

import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import org.openenvelope.saml.keys.SelfSignedCertificates;
import org.openenvelope.saml.xml.OpenSaml;
import org.openenvelope.security.PrivateKeyCrypto;
import org.opensaml.security.x509.BasicX509Credential;

/** Keys generated once per test JVM (RSA generation is slow). */
public final class TestKeys {

    public static final BasicX509Credential IDP = generate("idp.example");
    public static final BasicX509Credential IDP_NEXT = generate("idp.example next");
    public static final BasicX509Credential STRANGER = generate("stranger.example");
    public static final BasicX509Credential SP = generate("sp.example");
    public static final BasicX509Credential SP_NEXT = generate("sp.example next");

    private TestKeys() {
    }

    private static BasicX509Credential generate(String name) {
        OpenSaml.ensureInitialized();
        BasicX509Credential generated = SelfSignedCertificates.generate(name, Instant.parse("2026-01-01T00:00:00Z"),
                Duration.ofDays(3650));
        // the private key as the service reads its stored keys: the native provider's key object where it is used,
        // so every signing and decryption test also runs with it (the JDK's XML signing included)
        try {
            return new BasicX509Credential(generated.getEntityCertificate(),
                    PrivateKeyCrypto.privateKey("RSA", generated.getPrivateKey().getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
