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
        assertTrue(sealed.startsWith("v1:"));
        assertFalse(sealed.contains("private"));
        assertArrayEquals(SECRET, box.open(sealed, "sp-key:12345678"));
        assertNotEquals(sealed, box.seal(SECRET, "sp-key:12345678"), "a fresh nonce every time");
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
