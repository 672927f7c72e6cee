package org.openenvelope.saml;

import java.time.Duration;
import java.time.Instant;
import org.openenvelope.saml.keys.SelfSignedCertificates;
import org.opensaml.security.x509.BasicX509Credential;

/** Keys generated once per test JVM (RSA generation is slow). */
final class TestKeys {

    static final BasicX509Credential IDP = generate("idp.example");
    static final BasicX509Credential IDP_NEXT = generate("idp.example next");
    static final BasicX509Credential STRANGER = generate("stranger.example");
    static final BasicX509Credential SP = generate("sp.example");
    static final BasicX509Credential SP_NEXT = generate("sp.example next");

    private TestKeys() {
    }

    private static BasicX509Credential generate(String name) {
        OpenSaml.ensureInitialized();
        return SelfSignedCertificates.generate(name, Instant.parse("2026-01-01T00:00:00Z"), Duration.ofDays(3650));
    }
}
