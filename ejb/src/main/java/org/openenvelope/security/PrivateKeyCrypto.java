package org.openenvelope.security;

import com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.Security;
import java.security.Signature;
import java.security.spec.KeySpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;
import org.openenvelope.operations.ServiceLog;

/**
 * Where the service's own private-key operations run: the RSA signature of a request sent by redirect and the
 * RSA-OAEP decryption of an encrypted assertion's content key. With 3072-bit keys the JDK's RSA takes about 2.5 ms
 * an operation on a small server, a third of a whole sign-in's CPU; the Amazon Corretto Crypto Provider (AWS-LC,
 * native) does the same in about 0.9 ms. It is used where its native library loads (its jar is built for one
 * platform, {@code accp.classifier}, Linux x86-64 by default) and {@code openenvelope.crypto.native} is not
 * {@code false}; otherwise the JDK's providers are, with a warning saying why.
 *
 * <p>The provider is added after all of the JVM's own, so no other code's choice of provider changes; it is asked
 * for by name only where a library takes no provider object (OpenSAML's decrypter). Verification, public-key
 * operations and everything else stay with the JDK.
 */
public final class PrivateKeyCrypto {

    static final String ENABLED = "openenvelope.crypto.native";
    private static final Logger LOG = ServiceLog.logger(PrivateKeyCrypto.class);
    private static final Optional<Provider> PROVIDER = load();

    private PrivateKeyCrypto() {
    }

    /** The native provider in use, if any. */
    public static Optional<Provider> provider() {
        return PROVIDER;
    }

    /** The registered name of the native provider, for libraries that look providers up by name; else null. */
    public static String providerName() {
        return PROVIDER.map(Provider::getName).orElse(null);
    }

    /** A signature engine for signing with a private key. */
    public static Signature signer(String jcaAlgorithm) throws NoSuchAlgorithmException {
        return PROVIDER.isPresent() ? Signature.getInstance(jcaAlgorithm, PROVIDER.get())
                : Signature.getInstance(jcaAlgorithm);
    }

    /**
     * A private key read from its PKCS#8 encoding, as the native provider keeps it (given a JDK key object, it
     * converts the key again at every operation, which halves its speed).
     */
    public static PrivateKey privateKey(String algorithm, byte[] pkcs8) throws GeneralSecurityException {
        KeySpec spec = new PKCS8EncodedKeySpec(pkcs8);
        return (PROVIDER.isPresent() ? KeyFactory.getInstance(algorithm, PROVIDER.get())
                : KeyFactory.getInstance(algorithm)).generatePrivate(spec);
    }

    private static Optional<Provider> load() {
        if (!enabled()) {
            LOG.info(() -> "Private-key operations use the JDK's RSA (" + ENABLED + "=false)");
            return Optional.empty();
        }
        try {
            AmazonCorrettoCryptoProvider accp = AmazonCorrettoCryptoProvider.INSTANCE;
            if (accp.getLoadingError() != null) {
                LOG.warning(() -> "Private-key operations use the JDK's RSA, about three times slower: the native"
                        + " provider did not load on this platform (" + accp.getLoadingError() + ")");
                return Optional.empty();
            }
            accp.assertHealthy();
            // Another deployment in this JVM may have registered it already: that one answers to the name.
            Security.addProvider(accp);
            LOG.info(() -> "Private-key operations use " + accp.getName() + " " + accp.getVersionStr() + " (AWS-LC)");
            return Optional.of(accp);
        } catch (LinkageError | RuntimeException failed) {
            LOG.warning(() -> "Private-key operations use the JDK's RSA, about three times slower: the native"
                    + " provider is not usable here (" + failed + ")");
            return Optional.empty();
        }
    }

    private static boolean enabled() {
        try {
            return ConfigProvider.getConfig(PrivateKeyCrypto.class.getClassLoader())
                    .getOptionalValue(ENABLED, Boolean.class).orElse(true);
        } catch (IllegalStateException noConfiguration) {
            return !"false".equalsIgnoreCase(System.getProperty(ENABLED));
        }
    }
}
