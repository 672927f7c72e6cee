package org.openenvelope.saml.xml;

import java.util.Map;
import java.util.Set;

/**
 * The signature and digest algorithms accepted from identity providers.
 *
 * <p>Security: OpenSAML's signature validation accepts whatever algorithm the signer chose, including RSA-SHA1
 * (still the default of some IdP software). SHA-1 is broken for collision resistance, so it is refused unless an
 * administrator has explicitly allowed it for one IdP. The same list governs XML signatures and the
 * HTTP-Redirect binding's query-string signatures.
 */
public final class AlgorithmPolicy {

    public static final String RSA_SHA256 = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256";
    public static final String RSA_SHA384 = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha384";
    public static final String RSA_SHA512 = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha512";
    public static final String ECDSA_SHA256 = "http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256";
    public static final String ECDSA_SHA384 = "http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha384";
    public static final String ECDSA_SHA512 = "http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha512";
    public static final String RSA_SHA1 = "http://www.w3.org/2000/09/xmldsig#rsa-sha1";
    public static final String ECDSA_SHA1 = "http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha1";

    public static final String DIGEST_SHA256 = "http://www.w3.org/2001/04/xmlenc#sha256";
    public static final String DIGEST_SHA384 = "http://www.w3.org/2001/04/xmldsig-more#sha384";
    public static final String DIGEST_SHA512 = "http://www.w3.org/2001/04/xmlenc#sha512";
    public static final String DIGEST_SHA1 = "http://www.w3.org/2000/09/xmldsig#sha1";

    /** JCA names of the signature algorithms, for query-string signatures. */
    private static final Map<String, String> JCA_NAMES = Map.of(
            RSA_SHA256, "SHA256withRSA", RSA_SHA384, "SHA384withRSA", RSA_SHA512, "SHA512withRSA",
            ECDSA_SHA256, "SHA256withECDSA", ECDSA_SHA384, "SHA384withECDSA", ECDSA_SHA512, "SHA512withECDSA",
            RSA_SHA1, "SHA1withRSA", ECDSA_SHA1, "SHA1withECDSA");
    private static final Set<String> SHA1_SIGNATURES = Set.of(RSA_SHA1, ECDSA_SHA1);
    private static final Set<String> DIGESTS = Set.of(DIGEST_SHA256, DIGEST_SHA384, DIGEST_SHA512);

    private AlgorithmPolicy() {
    }

    /**
     * @throws SamlRejectedException {@link SamlFailure#WEAK_ALGORITHM} for SHA-1 (unless allowed) and for any
     *                               algorithm not on the list
     */
    public static void requireSignatureAlgorithm(String uri, boolean allowSha1, String what) {
        if (SHA1_SIGNATURES.contains(uri)) {
            if (!allowSha1) {
                throw new SamlRejectedException(SamlFailure.WEAK_ALGORITHM, what + " is signed with SHA-1 (" + uri
                        + "). SHA-1 is refused; configure the identity provider to sign with RSA-SHA256, or allow "
                        + "SHA-1 explicitly for this identity provider.");
            }
            return;
        }
        if (!JCA_NAMES.containsKey(uri)) {
            throw new SamlRejectedException(SamlFailure.WEAK_ALGORITHM, what + " uses the signature algorithm "
                    + uri + ", which is not accepted; accepted are RSA and ECDSA with SHA-256, SHA-384 or SHA-512.");
        }
    }

    /** @throws SamlRejectedException {@link SamlFailure#WEAK_ALGORITHM} like {@link #requireSignatureAlgorithm} */
    public static void requireDigestAlgorithm(String uri, boolean allowSha1, String what) {
        if (DIGEST_SHA1.equals(uri)) {
            if (!allowSha1) {
                throw new SamlRejectedException(SamlFailure.WEAK_ALGORITHM, what + " uses the SHA-1 digest (" + uri
                        + "). SHA-1 is refused; configure the identity provider to use SHA-256, or allow SHA-1 "
                        + "explicitly for this identity provider.");
            }
            return;
        }
        if (!DIGESTS.contains(uri)) {
            throw new SamlRejectedException(SamlFailure.WEAK_ALGORITHM, what + " uses the digest algorithm " + uri
                    + ", which is not accepted; accepted are SHA-256, SHA-384 and SHA-512.");
        }
    }

    /** The JCA name of an accepted signature algorithm. */
    public static String jcaName(String uri) {
        String name = JCA_NAMES.get(uri);
        if (name == null) {
            throw new IllegalArgumentException("not an accepted signature algorithm: " + uri);
        }
        return name;
    }
}
