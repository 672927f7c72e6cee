package org.openenvelope.saml.metadata;

import java.security.cert.X509Certificate;
import java.util.List;

/**
 * How much an imported IdP metadata document must prove about where it came from (the setup wizard's choice).
 *
 * @param requireSignature "more secure": the document's signature must verify against one of {@code anchors},
 *                         either a pinned signing certificate or a CA certificate the signer's certificate chains to;
 *                         otherwise ("less secure") unsigned and self-signed documents are accepted with a warning
 * @param anchors          pinned certificates and trusted CA certificates
 */
public record MetadataTrust(boolean requireSignature, List<X509Certificate> anchors) {

    public MetadataTrust {
        anchors = List.copyOf(anchors);
    }

    public static MetadataTrust lessSecure() {
        return new MetadataTrust(false, List.of());
    }

    public static MetadataTrust moreSecure(List<X509Certificate> anchors) {
        return new MetadataTrust(true, anchors);
    }
}
