package org.openenvelope.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts secrets at rest (SP private keys, Graph client secrets) with AES-256-GCM under the service's master
 * key. Each value is bound to its purpose as associated data, so a ciphertext copied into another row or column
 * does not decrypt there. Stored form: {@code v2:} + key id + {@code :} + base64(nonce ‖ ciphertext ‖ tag); the key
 * id (a digest of the key, not the key) says which master key sealed it, so that after a rotation values sealed
 * under a previous key still open and can be re-sealed ({@link #isSealedWithCurrentKey}). The {@code v1:} form of
 * earlier releases carries no key id and is tried with every key.
 */
public final class SecretBox {

    public static final int KEY_BYTES = 32;
    private static final String V1 = "v1:";
    private static final String V2 = "v2:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Key current;
    private final List<Key> keys;

    private record Key(String id, SecretKeySpec spec) {
        static Key of(byte[] bytes) {
            if (bytes.length != KEY_BYTES) {
                throw new IllegalArgumentException("a master key must be " + KEY_BYTES + " bytes, not " + bytes.length);
            }
            try {
                byte[] digest = MessageDigest.getInstance("SHA-256").digest(
                        ("openenvelope master key id\n" + Base64.getEncoder().encodeToString(bytes)).getBytes(StandardCharsets.UTF_8));
                return new Key(HexFormat.of().formatHex(digest, 0, 6), new SecretKeySpec(bytes.clone(), "AES"));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    public SecretBox(byte[] masterKey) {
        this(masterKey, List.of());
    }

    /** Seals with {@code masterKey}; opens with it and with the {@code previous} keys of a rotation. */
    public SecretBox(byte[] masterKey, List<byte[]> previous) {
        this.current = Key.of(masterKey);
        List<Key> all = new ArrayList<>(List.of(current));
        previous.stream().map(Key::of).filter(key -> !key.id().equals(current.id())).forEach(all::add);
        this.keys = List.copyOf(all);
    }

    public String seal(byte[] secret, String purpose) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, current.spec(), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(purpose.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(secret);
            byte[] out = Arrays.copyOf(nonce, NONCE_BYTES + sealed.length);
            System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
            return V2 + current.id() + ":" + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /**
     * @throws IllegalStateException when the value was sealed under none of the configured master keys or for
     *                               another purpose, or was altered; the message never includes the value
     */
    public byte[] open(String sealed, String purpose) {
        if (sealed != null && sealed.startsWith(V2)) {
            int colon = sealed.indexOf(':', V2.length());
            String id = colon < 0 ? "" : sealed.substring(V2.length(), colon);
            Key key = keys.stream().filter(k -> k.id().equals(id)).findFirst().orElseThrow(() -> new IllegalStateException(
                    "a stored secret was sealed under master key " + id + ", which is neither openenvelope.secrets.master-key"
                            + " nor one of openenvelope.secrets.previous-master-keys"));
            return decrypt(key, sealed.substring(colon + 1), purpose);
        }
        if (sealed != null && sealed.startsWith(V1)) {
            for (Key key : keys) {
                try {
                    return decrypt(key, sealed.substring(V1.length()), purpose);
                } catch (IllegalStateException notThisKey) {
                    // a v1 value names no key: try the next one
                }
            }
            throw notOpened();
        }
        throw new IllegalStateException("not a sealed secret of this service");
    }

    /** Whether {@code sealed} is sealed under the current master key (so a rotation need not re-seal it). */
    public boolean isSealedWithCurrentKey(String sealed) {
        return sealed != null && sealed.startsWith(V2 + current.id() + ":");
    }

    /** The current key's id, for logs: it identifies the key without revealing it. */
    public String currentKeyId() {
        return current.id();
    }

    private static byte[] decrypt(Key key, String base64, String purpose) {
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw notOpened();
        }
        if (raw.length < NONCE_BYTES + TAG_BITS / 8) {
            throw notOpened();
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key.spec(), new GCMParameterSpec(TAG_BITS, raw, 0, NONCE_BYTES));
            cipher.updateAAD(purpose.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(raw, NONCE_BYTES, raw.length - NONCE_BYTES);
        } catch (GeneralSecurityException e) {
            throw notOpened();
        }
    }

    private static IllegalStateException notOpened() {
        return new IllegalStateException("a stored secret could not be decrypted: the master key "
                + "(openenvelope.secrets.master-key) differs from the one it was sealed with, or the value was altered");
    }
}
