/*
 * Decrypts an envelope's parts as the service's EnvelopeCipher wrote them: "OE", the key version (one byte), a
 * 96-bit nonce, then AES-256-GCM output with its 128-bit tag. The associated data is what the service's record binds
 * the part to (handed over with the key) followed by the 15-byte header, so a ciphertext of another envelope, or one
 * shown with a changed record, fails its tag and is refused rather than shown.
 */
import {decodeBase64} from "./ciphertexts.js";

const HEADER_BYTES = 15;
const TAG_BYTES = 16;

/** The ciphertext does not match the service's record: altered, or another envelope's. */
export class Altered extends Error {
    constructor() {
        super("This envelope's contents do not match the service's record of it; it may have been altered.");
    }
}

/** The envelope's key from the service's answer, usable for decryption only. */
export async function importKey(base64) {
    const raw = decodeBase64(base64 || "");
    if (raw === null || raw.length !== 32) {
        throw new Altered();
    }
    return crypto.subtle.importKey("raw", raw, "AES-GCM", false, ["decrypt"]);
}

/** The plaintext of one part (bytes) under the key, its version and its associated data (base64), as an ArrayBuffer. */
export async function decryptPart(key, keyVersion, bytes, base64Aad) {
    const aad = decodeBase64(base64Aad || "");
    if (aad === null || bytes === null || bytes.length < HEADER_BYTES + TAG_BYTES || bytes[0] !== 0x4f || bytes[1] !== 0x45
            || bytes[2] !== keyVersion) {
        throw new Altered();
    }
    const additionalData = new Uint8Array(aad.length + HEADER_BYTES);
    additionalData.set(aad);
    additionalData.set(bytes.subarray(0, HEADER_BYTES), aad.length);
    try {
        return await crypto.subtle.decrypt({name: "AES-GCM", iv: bytes.subarray(3, HEADER_BYTES), additionalData,
            tagLength: TAG_BYTES * 8}, key, bytes.subarray(HEADER_BYTES));
    } catch (e) {
        throw new Altered();
    }
}
