package org.openenvelope.security;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.security.Key;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Security;
import java.security.Signature;
import java.security.spec.MGF1ParameterSpec;
import javax.crypto.Cipher;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PrivateKeyCryptoTest {

    private static final byte[] QUERY = "SAMLRequest=fZJBT8MwDIX%2FSuX7&RelayState=_3f2a&SigAlg=rsa-sha256"
            .getBytes(StandardCharsets.UTF_8);

    private static KeyPair keys;

    @BeforeAll
    static void keys() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(3072);
        keys = generator.generateKeyPair();
    }

    @Test
    void theNativeProviderIsUsedWhereItsLibraryIsBuiltForAndChangesNoDefault() throws Exception {
        assumeTrue(System.getProperty("os.name").equals("Linux") && System.getProperty("os.arch").equals("amd64"),
                "the build's native library is for Linux x86-64");
        assertTrue(PrivateKeyCrypto.provider().isPresent());
        assertSame(PrivateKeyCrypto.provider().get(), PrivateKeyCrypto.signer("SHA256withRSA").getProvider());
        // registered under its name, for OpenSAML's decrypter, but after the JDK's own providers
        assertSame(PrivateKeyCrypto.provider().get(), Security.getProvider(PrivateKeyCrypto.providerName()));
        assertNotEquals(PrivateKeyCrypto.providerName(), Signature.getInstance("SHA256withRSA").getProvider().getName());
        assertNotEquals(PrivateKeyCrypto.providerName(), Cipher.getInstance("RSA/ECB/OAEPPadding").getProvider().getName());
    }

    @Test
    void itsKeyObjectsServeTheJdksProvidersToo() throws Exception {
        // XML signatures (POST binding, SP metadata) are made by the JDK's provider with the key the service read
        PrivateKey read = PrivateKeyCrypto.privateKey("RSA", keys.getPrivate().getEncoded());
        Signature jdk = Signature.getInstance("SHA256withRSA", "SunRsaSign");
        jdk.initSign(read);
        jdk.update(QUERY);
        byte[] signature = jdk.sign();
        jdk.initVerify(keys.getPublic());
        jdk.update(QUERY);
        assertTrue(jdk.verify(signature));
    }

    @Test
    void itsSignaturesAreOrdinaryRsaSha256() throws Exception {
        Signature signer = PrivateKeyCrypto.signer("SHA256withRSA");
        signer.initSign(PrivateKeyCrypto.privateKey("RSA", keys.getPrivate().getEncoded()));
        signer.update(QUERY);
        byte[] signature = signer.sign();

        Signature jdk = Signature.getInstance("SHA256withRSA", "SunRsaSign");
        jdk.initVerify(keys.getPublic());
        jdk.update(QUERY);
        assertTrue(jdk.verify(signature));
        jdk.initSign(keys.getPrivate());
        jdk.update(QUERY);
        // PKCS#1 v1.5 is deterministic: the same octets from either provider
        assertArrayEquals(jdk.sign(), signature);
    }

    @Test
    void itOpensContentKeysTheWayTheDecrypterAsksForThem() throws Exception {
        assumeTrue(PrivateKeyCrypto.provider().isPresent());
        // rsa-oaep-mgf1p and xmlenc11#rsa-oaep with SHA-256, as an IdP wraps them with the JDK
        for (OAEPParameterSpec oaep : new OAEPParameterSpec[]{
            new OAEPParameterSpec("SHA-1", "MGF1", MGF1ParameterSpec.SHA1, PSource.PSpecified.DEFAULT),
            new OAEPParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, PSource.PSpecified.DEFAULT)}) {
            Key contentKey = new SecretKeySpec(QUERY, 0, 32, "AES");
            Cipher wrap = Cipher.getInstance("RSA/ECB/OAEPPadding", "SunJCE");
            wrap.init(Cipher.WRAP_MODE, keys.getPublic(), oaep);
            byte[] wrapped = wrap.wrap(contentKey);

            Cipher unwrap = Cipher.getInstance("RSA/ECB/OAEPPadding", PrivateKeyCrypto.providerName());
            unwrap.init(Cipher.UNWRAP_MODE, keys.getPrivate(), oaep);
            assertArrayEquals(contentKey.getEncoded(), unwrap.unwrap(wrapped, "AES", Cipher.SECRET_KEY).getEncoded());
        }
    }
}
