package org.openenvelope.saml.binding;

import java.io.ByteArrayOutputStream;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import org.openenvelope.saml.xml.AlgorithmPolicy;
import org.openenvelope.saml.xml.OpenSaml;
import org.openenvelope.saml.xml.SamlFailure;
import org.openenvelope.saml.xml.SamlRejectedException;
import org.openenvelope.security.PrivateKeyCrypto;
import org.opensaml.security.x509.BasicX509Credential;

/**
 * The HTTP-Redirect binding (SAML bindings §3.4): the message DEFLATE-compressed, base64- and URL-encoded in the
 * query string, signed over the query string itself rather than inside the XML.
 *
 * <p>Security: the signature is verified over the parameters exactly as received (§3.4.4.1), never over a
 * re-encoding, because URL encoding is not canonical. Parameters may appear once only, and inflation stops at
 * {@link OpenSaml#MAX_DOCUMENT_BYTES}, so a small query cannot expand into a huge document.
 */
public final class RedirectBinding {

    public static final String SAML_REQUEST = "SAMLRequest";
    public static final String SAML_RESPONSE = "SAMLResponse";
    public static final String RELAY_STATE = "RelayState";
    private static final String SIG_ALG = "SigAlg";
    private static final String SIGNATURE = "Signature";

    private RedirectBinding() {
    }

    /**
     * The URL that carries {@code xml} to {@code endpoint}, signed with RSA-SHA256.
     *
     * @param parameter {@link #SAML_REQUEST} or {@link #SAML_RESPONSE}
     */
    public static OutgoingMessage.Redirect encode(String endpoint, String parameter, byte[] xml, String relayState,
                                                  BasicX509Credential key) {
        Objects.requireNonNull(key, "a signed redirect needs a key");
        StringBuilder query = query(parameter, xml, relayState);
        query.append('&').append(SIG_ALG).append('=').append(urlEncode(AlgorithmPolicy.RSA_SHA256));
        try {
            Signature signer = PrivateKeyCrypto.signer(AlgorithmPolicy.jcaName(AlgorithmPolicy.RSA_SHA256));
            signer.initSign(key.getPrivateKey());
            signer.update(query.toString().getBytes(StandardCharsets.UTF_8));
            query.append('&').append(SIGNATURE).append('=').append(urlEncode(Base64.getEncoder().encodeToString(signer.sign())));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not sign the redirect", e);
        }
        return redirect(endpoint, query);
    }

    /**
     * The URL that carries {@code xml} to {@code endpoint} unsigned: no SigAlg and no Signature parameter, as an
     * identity provider that does not require signed requests expects (§3.4.4.1 makes signing optional).
     *
     * @param parameter {@link #SAML_REQUEST} or {@link #SAML_RESPONSE}
     */
    public static OutgoingMessage.Redirect encodeUnsigned(String endpoint, String parameter, byte[] xml, String relayState) {
        return redirect(endpoint, query(parameter, xml, relayState));
    }

    private static StringBuilder query(String parameter, byte[] xml, String relayState) {
        StringBuilder query = new StringBuilder(parameter).append('=').append(urlEncode(Base64.getEncoder().encodeToString(deflate(xml))));
        if (relayState != null) {
            query.append('&').append(RELAY_STATE).append('=').append(urlEncode(relayState));
        }
        return query;
    }

    private static OutgoingMessage.Redirect redirect(String endpoint, CharSequence query) {
        return new OutgoingMessage.Redirect(endpoint + (endpoint.contains("?") ? "&" : "?") + query);
    }

    /**
     * Reads a message from a raw (still URL-encoded) query string.
     *
     * @throws SamlRejectedException MALFORMED_MESSAGE for a missing, repeated or undecodable parameter
     */
    public static Received decode(String rawQuery, String parameter) {
        Map<String, String> raw = rawParameters(rawQuery);
        String message = raw.get(parameter);
        if (message == null) {
            throw new SamlRejectedException(SamlFailure.MALFORMED_MESSAGE, "The query has no " + parameter + " parameter.");
        }
        byte[] compressed = PostBinding.base64(parameter, urlDecode(message));
        String relayState = raw.containsKey(RELAY_STATE) ? urlDecode(raw.get(RELAY_STATE)) : null;
        String sigAlg = raw.containsKey(SIG_ALG) ? urlDecode(raw.get(SIG_ALG)) : null;
        byte[] signature = raw.containsKey(SIGNATURE) ? PostBinding.base64(SIGNATURE, urlDecode(raw.get(SIGNATURE))) : null;
        StringBuilder signed = new StringBuilder(parameter).append('=').append(message);
        if (raw.containsKey(RELAY_STATE)) {
            signed.append('&').append(RELAY_STATE).append('=').append(raw.get(RELAY_STATE));
        }
        if (raw.containsKey(SIG_ALG)) {
            signed.append('&').append(SIG_ALG).append('=').append(raw.get(SIG_ALG));
        }
        return new Received(inflate(compressed), relayState, sigAlg, signature, signed.toString());
    }

    /**
     * A message as received over the Redirect binding.
     *
     * @param signedContent the octets the sender signed, rebuilt from the raw query (§3.4.4.1)
     */
    public record Received(byte[] xml, String relayState, String sigAlg, byte[] signature, String signedContent) {

        public boolean isSigned() {
            return signature != null;
        }

        /**
         * @throws SamlRejectedException SIGNATURE_MISSING, WEAK_ALGORITHM or SIGNATURE_INVALID
         */
        public void verify(List<X509Certificate> trusted, boolean allowSha1) {
            if (signature == null || sigAlg == null) {
                throw new SamlRejectedException(SamlFailure.SIGNATURE_MISSING,
                        "The redirect carries no Signature and SigAlg; the identity provider must sign it.");
            }
            AlgorithmPolicy.requireSignatureAlgorithm(sigAlg, allowSha1, "The redirect");
            for (X509Certificate certificate : trusted) {
                if (verifies(certificate.getPublicKey())) {
                    return;
                }
            }
            throw new SamlRejectedException(SamlFailure.SIGNATURE_INVALID,
                    "The redirect's signature does not verify with any trusted certificate.");
        }

        private boolean verifies(PublicKey key) {
            byte[] content = signedContent.getBytes(StandardCharsets.UTF_8);
            String jca = AlgorithmPolicy.jcaName(sigAlg);
            try {
                Signature verifier = Signature.getInstance(jca);
                verifier.initVerify(key);
                verifier.update(content);
                if (verifier.verify(signature)) {
                    return true;
                }
            } catch (GeneralSecurityException e) {
                // not this key or not this encoding; ECDSA is tried in XML-DSig's r||s form below
            }
            if (jca.endsWith("ECDSA")) {
                try {
                    Signature verifier = Signature.getInstance(jca + "inP1363Format");
                    verifier.initVerify(key);
                    verifier.update(content);
                    return verifier.verify(signature);
                } catch (GeneralSecurityException e) {
                    return false;
                }
            }
            return false;
        }
    }

    private static Map<String, String> rawParameters(String rawQuery) {
        Map<String, String> parameters = new HashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return parameters;
        }
        for (String pair : rawQuery.split("&")) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            boolean samlParameter = List.of(SAML_REQUEST, SAML_RESPONSE, RELAY_STATE, SIG_ALG, SIGNATURE).contains(name);
            if (samlParameter && parameters.put(name, value) != null) {
                throw new SamlRejectedException(SamlFailure.MALFORMED_MESSAGE, "The parameter " + name + " appears twice.");
            }
        }
        return parameters;
    }

    static byte[] deflate(byte[] data) {
        Deflater deflater = new Deflater(Deflater.DEFLATED, true);
        deflater.setInput(data);
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        return out.toByteArray();
    }

    static byte[] inflate(byte[] compressed) {
        Inflater inflater = new Inflater(true);
        inflater.setInput(compressed);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        try {
            while (!inflater.finished()) {
                int count = inflater.inflate(buffer);
                if (count == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new SamlRejectedException(SamlFailure.MALFORMED_MESSAGE, "The message is not valid DEFLATE data.");
                }
                out.write(buffer, 0, count);
                if (out.size() > OpenSaml.MAX_DOCUMENT_BYTES) {
                    throw new SamlRejectedException(SamlFailure.MALFORMED_MESSAGE,
                            "The message inflates to more than " + OpenSaml.MAX_DOCUMENT_BYTES + " bytes.");
                }
            }
        } catch (DataFormatException e) {
            throw new SamlRejectedException(SamlFailure.MALFORMED_MESSAGE, "The message is not valid DEFLATE data.");
        } finally {
            inflater.end();
        }
        return out.toByteArray();
    }

    private static String urlEncode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String urlDecode(String value) {
        try {
            return URLDecoder.decode(value, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new SamlRejectedException(SamlFailure.MALFORMED_MESSAGE, "The query is not validly URL-encoded.");
        }
    }
}
