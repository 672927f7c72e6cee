package org.openenvelope.saml.keys;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder;
import org.bouncycastle.openssl.jcajce.JcePEMDecryptorProviderBuilder;
import org.bouncycastle.operator.InputDecryptorProvider;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.openenvelope.error.InvalidValueException;
import org.opensaml.security.x509.BasicX509Credential;

/**
 * An SP key pair the administrator brings ("certificate type: CA-issued"): a PKCS#12 file, or PEM with the
 * certificate (chain allowed) and the private key (PKCS#8, PKCS#1, plain or encrypted). What SAML needs of it is
 * checked here, each problem named against the {@link #FILE} or {@link #PASSWORD} field: RSA of at least 2048 bits
 * (what every IdP we know signs and encrypts to), the key belongs to the certificate, the certificate is valid now
 * and its key usage, if restricted, allows signing and key encipherment.
 */
public final class UploadedKeyPair {

    public static final String FILE = "keyFile";
    public static final String PASSWORD = "keyPassword";
    public static final int MAX_BYTES = 64 * 1024;
    static final int MIN_RSA_BITS = 2048;

    /** Passed explicitly: registering BouncyCastle globally would change every other deployment on the server. */
    private static final java.security.Provider BOUNCY_CASTLE = new org.bouncycastle.jce.provider.BouncyCastleProvider();
    private static final int DIGITAL_SIGNATURE = 0;
    private static final int KEY_ENCIPHERMENT = 2;

    private UploadedKeyPair() {
    }

    /** The credential in {@code content}; {@code password} may be empty for unencrypted PEM. */
    public static BasicX509Credential read(byte[] content, char[] password, Instant now) {
        if (content == null || content.length == 0) {
            throw new InvalidValueException(FILE, "Choose a PKCS#12 (.p12, .pfx) or PEM file with the certificate and its private key.");
        }
        if (content.length > MAX_BYTES) {
            throw new InvalidValueException(FILE, "The file is " + content.length + " bytes; a key pair file is at most "
                    + MAX_BYTES + " bytes.");
        }
        BasicX509Credential credential = looksLikePem(content) ? fromPem(content, password) : fromPkcs12(content, password);
        check(credential, now);
        return credential;
    }

    private static boolean looksLikePem(byte[] content) {
        return new String(content, 0, Math.min(content.length, 4096), StandardCharsets.US_ASCII).contains("-----BEGIN ");
    }

    private static BasicX509Credential fromPkcs12(byte[] content, char[] password) {
        KeyStore store;
        try {
            store = KeyStore.getInstance("PKCS12");
            store.load(new ByteArrayInputStream(content), password);
        } catch (IOException e) {
            if (e.getCause() instanceof java.security.UnrecoverableKeyException || e.getCause() instanceof javax.crypto.BadPaddingException) {
                throw new InvalidValueException(PASSWORD, "The password does not open this PKCS#12 file.");
            }
            throw new InvalidValueException(FILE, "The file is neither a PKCS#12 file (.p12, .pfx) nor PEM text"
                    + " with a certificate and a private key.");
        } catch (GeneralSecurityException e) {
            throw new InvalidValueException(FILE, "The PKCS#12 file cannot be read: " + e.getMessage());
        }
        try {
            List<String> keyEntries = new ArrayList<>();
            for (String alias : Collections.list(store.aliases())) {
                if (store.isKeyEntry(alias)) {
                    keyEntries.add(alias);
                }
            }
            if (keyEntries.size() != 1) {
                throw new InvalidValueException(FILE, keyEntries.isEmpty()
                        ? "The PKCS#12 file holds no private key; export the certificate together with its key."
                        : "The PKCS#12 file holds " + keyEntries.size() + " private keys; export only the SP key.");
            }
            String alias = keyEntries.get(0);
            PrivateKey key = (PrivateKey) store.getKey(alias, password);
            Certificate certificate = store.getCertificate(alias);
            if (!(certificate instanceof X509Certificate x509)) {
                throw new InvalidValueException(FILE, "The PKCS#12 file holds the key without its X.509 certificate.");
            }
            return new BasicX509Credential(x509, key);
        } catch (java.security.UnrecoverableKeyException e) {
            throw new InvalidValueException(PASSWORD, "The password opens the file but not the private key in it.");
        } catch (GeneralSecurityException e) {
            throw new InvalidValueException(FILE, "The PKCS#12 file cannot be read: " + e.getMessage());
        }
    }

    private static BasicX509Credential fromPem(byte[] content, char[] password) {
        List<X509Certificate> certificates = new ArrayList<>();
        List<PrivateKey> keys = new ArrayList<>();
        JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
        try (PEMParser parser = new PEMParser(new StringReader(new String(content, StandardCharsets.US_ASCII)))) {
            for (Object item = parser.readObject(); item != null; item = parser.readObject()) {
                if (item instanceof X509CertificateHolder holder) {
                    certificates.add(new JcaX509CertificateConverter().getCertificate(holder));
                } else if (item instanceof PrivateKeyInfo info) {
                    keys.add(converter.getPrivateKey(info));
                } else if (item instanceof PEMKeyPair pair) {
                    keys.add(converter.getKeyPair(pair).getPrivate());
                } else if (item instanceof PKCS8EncryptedPrivateKeyInfo encrypted) {
                    InputDecryptorProvider decryptor = new JceOpenSSLPKCS8DecryptorProviderBuilder().setProvider(BOUNCY_CASTLE).build(required(password));
                    keys.add(decrypted(() -> converter.getPrivateKey(encrypted.decryptPrivateKeyInfo(decryptor))));
                } else if (item instanceof PEMEncryptedKeyPair encrypted) {
                    char[] given = required(password);
                    keys.add(decrypted(() -> converter.getKeyPair(encrypted.decryptKeyPair(
                            new JcePEMDecryptorProviderBuilder().setProvider(BOUNCY_CASTLE).build(given))).getPrivate()));
                }
            }
        } catch (InvalidValueException e) {
            throw e;
        } catch (org.bouncycastle.openssl.EncryptionException e) {
            throw new InvalidValueException(PASSWORD, "The password does not decrypt the private key.");
        } catch (IOException | GeneralSecurityException | org.bouncycastle.operator.OperatorCreationException
                 | RuntimeException e) {
            throw new InvalidValueException(FILE, "The PEM file cannot be read: " + e.getMessage());
        }
        if (keys.size() != 1) {
            throw new InvalidValueException(FILE, keys.isEmpty()
                    ? "The PEM file holds no private key; add the PRIVATE KEY block after the certificate."
                    : "The PEM file holds " + keys.size() + " private keys; keep only the SP key.");
        }
        if (certificates.isEmpty()) {
            throw new InvalidValueException(FILE, "The PEM file holds no certificate; add the CERTIFICATE block of the key.");
        }
        PrivateKey key = keys.get(0);
        // A chain may come with it; the SP certificate is the one the key belongs to.
        X509Certificate leaf = certificates.stream().filter(c -> belongTogether(c.getPublicKey(), key)).findFirst()
                .orElseThrow(() -> new InvalidValueException(FILE, "The private key does not belong to the certificate "
                        + certificates.get(0).getSubjectX500Principal().getName() + "."));
        return new BasicX509Credential(leaf, key);
    }

    private interface Decryption {
        PrivateKey run() throws Exception;
    }

    /**
     * An encrypted key that does not come out as a key was opened with the wrong password: a wrong password fails
     * the padding check most of the time, but about once in 256 it passes and yields bytes that are no key.
     */
    private static PrivateKey decrypted(Decryption decryption) {
        try {
            return decryption.run();
        } catch (Exception e) {
            throw new InvalidValueException(PASSWORD, "The password does not decrypt the private key.");
        }
    }

    private static char[] required(char[] password) {
        if (password == null || password.length == 0) {
            throw new InvalidValueException(PASSWORD, "The private key is encrypted; enter its password.");
        }
        return password;
    }

    private static void check(BasicX509Credential credential, Instant now) {
        X509Certificate certificate = credential.getEntityCertificate();
        String subject = certificate.getSubjectX500Principal().getName();
        if (!(certificate.getPublicKey() instanceof RSAPublicKey rsa)) {
            throw new InvalidValueException(FILE, "The key is " + certificate.getPublicKey().getAlgorithm()
                    + "; SAML SP keys here are RSA (at least " + MIN_RSA_BITS + " bits), which every identity provider accepts.");
        }
        if (rsa.getModulus().bitLength() < MIN_RSA_BITS) {
            throw new InvalidValueException(FILE, "The RSA key has " + rsa.getModulus().bitLength() + " bits; at least "
                    + MIN_RSA_BITS + " are required.");
        }
        if (!belongTogether(certificate.getPublicKey(), credential.getPrivateKey())) {
            throw new InvalidValueException(FILE, "The private key does not belong to the certificate " + subject + ".");
        }
        if (now.isBefore(certificate.getNotBefore().toInstant())) {
            throw new InvalidValueException(FILE, "The certificate " + subject + " is not valid before "
                    + certificate.getNotBefore().toInstant() + ".");
        }
        if (now.isAfter(certificate.getNotAfter().toInstant())) {
            throw new InvalidValueException(FILE, "The certificate " + subject + " expired on "
                    + certificate.getNotAfter().toInstant() + ".");
        }
        boolean[] usage = certificate.getKeyUsage();
        if (usage != null && !(usage[DIGITAL_SIGNATURE] && usage[KEY_ENCIPHERMENT])) {
            throw new InvalidValueException(FILE, "The certificate's key usage must allow digital signature and key"
                    + " encipherment: the SP key signs requests and decrypts assertions.");
        }
    }

    private static boolean belongTogether(PublicKey publicKey, PrivateKey privateKey) {
        if (publicKey instanceof RSAPublicKey rsa && privateKey instanceof java.security.interfaces.RSAPrivateCrtKey crt) {
            return rsa.getModulus().equals(crt.getModulus()) && rsa.getPublicExponent().equals(crt.getPublicExponent());
        }
        if (publicKey instanceof RSAPublicKey rsa && privateKey instanceof java.security.interfaces.RSAPrivateKey plain) {
            return rsa.getModulus().equals(plain.getModulus());
        }
        return false;
    }
}
