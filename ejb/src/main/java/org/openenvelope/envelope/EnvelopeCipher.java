package org.openenvelope.envelope;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM with a fresh random key per envelope. A ciphertext is {@code "OE"}, the key version (one byte), a
 * random 96-bit nonce, then the GCM output with its 128-bit tag; the header is part of the associated data, so it
 * cannot be altered either. The viewer decrypts the same format with WebCrypto.
 */
public final class EnvelopeCipher {

    /** AES-256-GCM, 96-bit nonce, 128-bit tag, associated data as {@link EnvelopeBinding} builds it. */
    public static final int KEY_VERSION = 1;
    public static final int KEY_BYTES = 32;
    static final int NONCE_BYTES = 12;
    static final int TAG_BYTES = 16;
    private static final byte[] MAGIC = {'O', 'E'};
    static final int HEADER_BYTES = MAGIC.length + 1 + NONCE_BYTES;
    private static final SecureRandom RANDOM = new SecureRandom();

    private EnvelopeCipher() {
    }

    public static byte[] newKey() {
        byte[] key = new byte[KEY_BYTES];
        RANDOM.nextBytes(key);
        return key;
    }

    public static byte[] encrypt(byte[] key, EnvelopeBinding binding, EnvelopeBinding.Part part, byte[] plaintext) {
        if (binding.keyVersion() != KEY_VERSION) {
            throw new IllegalArgumentException("key version " + binding.keyVersion() + " is not " + KEY_VERSION);
        }
        byte[] out = new byte[HEADER_BYTES + plaintext.length + TAG_BYTES];
        out[0] = MAGIC[0];
        out[1] = MAGIC[1];
        out[2] = (byte) KEY_VERSION;
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        System.arraycopy(nonce, 0, out, MAGIC.length + 1, NONCE_BYTES);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, key, nonce);
            cipher.updateAAD(binding.associatedData(part));
            cipher.updateAAD(out, 0, HEADER_BYTES);
            int written = cipher.doFinal(plaintext, 0, plaintext.length, out, HEADER_BYTES);
            if (written != plaintext.length + TAG_BYTES) {
                throw new IllegalStateException("AES-GCM wrote " + written + " bytes");
            }
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /**
     * @throws EnvelopeTamperedException when the ciphertext is not of this envelope's record as it is, or was altered
     */
    public static byte[] decrypt(byte[] key, EnvelopeBinding binding, EnvelopeBinding.Part part, byte[] ciphertext) {
        if (ciphertext.length < HEADER_BYTES + TAG_BYTES || ciphertext[0] != MAGIC[0] || ciphertext[1] != MAGIC[1]) {
            throw new EnvelopeTamperedException("not an envelope ciphertext");
        }
        if (ciphertext[2] != (byte) binding.keyVersion()) {
            throw new EnvelopeTamperedException("key version " + (ciphertext[2] & 0xff) + " where the record has "
                    + binding.keyVersion());
        }
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, key, Arrays.copyOfRange(ciphertext, MAGIC.length + 1, HEADER_BYTES));
            cipher.updateAAD(binding.associatedData(part));
            cipher.updateAAD(ciphertext, 0, HEADER_BYTES);
            return cipher.doFinal(ciphertext, HEADER_BYTES, ciphertext.length - HEADER_BYTES);
        } catch (AEADBadTagException e) {
            throw new EnvelopeTamperedException("the tag does not match this envelope's record");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    private static Cipher cipher(int mode, byte[] key, byte[] nonce) throws GeneralSecurityException {
        if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException("an envelope key is " + KEY_BYTES + " bytes");
        }
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BYTES * 8, nonce));
        return cipher;
    }
}
