package org.openenvelope.security;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretBoxTest {

    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SECRET = "private key bytes".getBytes(StandardCharsets.UTF_8);

    @Test
    void sealsAndOpensASecretForItsPurpose() {
        SecretBox box = new SecretBox(KEY);
        String sealed = box.seal(SECRET, "sp-key:12345678");
        assertTrue(sealed.startsWith("v2:" + box.currentKeyId() + ":"), sealed);
        assertFalse(sealed.contains(new String(KEY, StandardCharsets.US_ASCII)), "the key id is not the key");
        assertFalse(sealed.contains("private"));
        assertArrayEquals(SECRET, box.open(sealed, "sp-key:12345678"));
        assertNotEquals(sealed, box.seal(SECRET, "sp-key:12345678"), "a fresh nonce every time");
    }

    @Test
    void afterARotationThePreviousKeyStillOpensWhatItSealedAndOnlyTheNewKeySeals() {
        byte[] newKey = KEY.clone();
        newKey[5] ^= 7;
        SecretBox before = new SecretBox(KEY);
        String sealedBefore = before.seal(SECRET, "graph-client-secret:12345678");
        SecretBox rotated = new SecretBox(newKey, java.util.List.of(KEY));

        assertArrayEquals(SECRET, rotated.open(sealedBefore, "graph-client-secret:12345678"));
        assertFalse(rotated.isSealedWithCurrentKey(sealedBefore), "to be re-sealed");
        String resealed = rotated.seal(SECRET, "graph-client-secret:12345678");
        assertTrue(rotated.isSealedWithCurrentKey(resealed));
        assertNotEquals(before.currentKeyId(), rotated.currentKeyId());

        IllegalStateException unknown = assertThrows(IllegalStateException.class,
                () -> new SecretBox(newKey).open(sealedBefore, "graph-client-secret:12345678"));
        assertTrue(unknown.getMessage().contains(before.currentKeyId()) && unknown.getMessage().contains("previous-master-keys"),
                "names the missing key by its id: " + unknown.getMessage());
    }

    @Test
    void valuesOfEarlierReleasesWithoutAKeyIdAreTriedWithEveryKey() throws Exception {
        // v1: base64(nonce ‖ ciphertext ‖ tag) under KEY, as stop 8 stored SP keys
        javax.crypto.Cipher cipher = javax.crypto.Cipher.getInstance("AES/GCM/NoPadding");
        byte[] nonce = new byte[12];
        cipher.init(javax.crypto.Cipher.ENCRYPT_MODE, new javax.crypto.spec.SecretKeySpec(KEY, "AES"),
                new javax.crypto.spec.GCMParameterSpec(128, nonce));
        cipher.updateAAD("saml-sp-key:12345678".getBytes(StandardCharsets.UTF_8));
        byte[] body = cipher.doFinal(SECRET);
        byte[] raw = java.util.Arrays.copyOf(nonce, 12 + body.length);
        System.arraycopy(body, 0, raw, 12, body.length);
        String v1 = "v1:" + java.util.Base64.getEncoder().encodeToString(raw);
        byte[] newKey = KEY.clone();
        newKey[0] ^= 1;

        assertArrayEquals(SECRET, new SecretBox(KEY).open(v1, "saml-sp-key:12345678"));
        assertArrayEquals(SECRET, new SecretBox(newKey, java.util.List.of(KEY)).open(v1, "saml-sp-key:12345678"));
        assertFalse(new SecretBox(KEY).isSealedWithCurrentKey(v1), "re-sealed into the v2 form at the next start");
        assertThrows(IllegalStateException.class, () -> new SecretBox(newKey).open(v1, "saml-sp-key:12345678"));
    }

    @Test
    void refusesAnotherPurposeAnotherKeyAndAlteredValues() {
        SecretBox box = new SecretBox(KEY);
        String sealed = box.seal(SECRET, "sp-key:12345678");
        assertThrows(IllegalStateException.class, () -> box.open(sealed, "sp-key:87654321"));
        byte[] otherKey = KEY.clone();
        otherKey[0] ^= 1;
        assertThrows(IllegalStateException.class, () -> new SecretBox(otherKey).open(sealed, "sp-key:12345678"));
        String altered = sealed.substring(0, sealed.length() - 2) + (sealed.endsWith("AA") ? "AB" : "AA");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> box.open(altered, "sp-key:12345678"));
        assertFalse(e.getMessage().contains(altered));
    }

    @Test
    void refusesAMasterKeyOfTheWrongSize() {
        assertThrows(IllegalArgumentException.class, () -> new SecretBox(new byte[16]));
        assertThrows(IllegalStateException.class, () -> MasterKey.decode("c2hvcnQ="));
        assertThrows(IllegalStateException.class, () -> MasterKey.decode("not base64!"));
    }

    @Test
    void createsAnOwnerOnlyKeyFileOnceAndReadsItBack(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("secrets").resolve("master.key");
        byte[] created = MasterKey.fromFile(file);
        assertEquals(SecretBox.KEY_BYTES, created.length);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertArrayEquals(created, MasterKey.fromFile(file));
    }
}
