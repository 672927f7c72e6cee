/*
 * Where the viewer gets an envelope's ciphertext: never from the service, which keeps no copy, but from the
 * recipient's attachment (handed over by postMessage, or form-posted and embedded in the page) and from this
 * browser's own copy in IndexedDB, kept so that a reload or a detour through a password mail does not need the
 * attachment again.
 */

const DATABASE = "openenvelope";
const STORE = "ciphertexts";
const KEEP_MS = 7 * 24 * 60 * 60 * 1000;
const READY_EVERY_MS = 500;
const READY_TRIES = 60;

/** The bytes of base64 text (whitespace ignored), or null when it is not base64. */
export function decodeBase64(text) {
    let binary;
    try {
        binary = atob(text.replace(/\s+/g, ""));
    } catch (e) {
        return null;
    }
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) {
        bytes[i] = binary.charCodeAt(i);
    }
    return bytes;
}

/** Whether bytes can be an envelope ciphertext at all ("OE" first); the decryption checks the rest. */
export function looksLikeCiphertext(bytes) {
    return bytes !== null && bytes.length > 2 && bytes[0] === 0x4f && bytes[1] === 0x45;
}

function request(idbRequest) {
    return new Promise((resolve, reject) => {
        idbRequest.onsuccess = () => resolve(idbRequest.result);
        idbRequest.onerror = () => reject(idbRequest.error);
    });
}

let database = null;

/** The database, or null where the browser offers none (some private windows): the copy is a convenience. */
async function open() {
    if (database === null) {
        database = (async () => {
            try {
                const opening = indexedDB.open(DATABASE, 1);
                opening.onupgradeneeded = () => opening.result.createObjectStore(STORE);
                return await request(opening);
            } catch (e) {
                return null;
            }
        })();
    }
    return database;
}

async function withStore(mode, work) {
    const db = await open();
    if (db === null) {
        return null;
    }
    try {
        return await work(db.transaction(STORE, mode).objectStore(STORE));
    } catch (e) {
        return null;
    }
}

/** This browser's copy of an envelope's ciphertext, or null. */
export async function storedCiphertext(envelope) {
    const entry = await withStore("readonly", (store) => request(store.get(envelope)));
    return entry && entry.ciphertext instanceof ArrayBuffer ? new Uint8Array(entry.ciphertext) : null;
}

export async function storeCiphertext(envelope, bytes) {
    const copy = bytes.slice().buffer;
    await withStore("readwrite", (store) => request(store.put({ciphertext: copy, storedAt: Date.now()}, envelope)));
}

/** Forgets a copy that failed to decrypt, so that the attachment's can take its place. */
export async function forgetCiphertext(envelope) {
    await withStore("readwrite", (store) => request(store.delete(envelope)));
}

/** Drops copies older than a week: envelopes are read soon after they arrive, and a shared computer forgets. */
export async function dropOldCiphertexts() {
    const before = Date.now() - KEEP_MS;
    await withStore("readwrite", (store) => new Promise((resolve, reject) => {
        const cursor = store.openCursor();
        cursor.onsuccess = () => {
            const entry = cursor.result;
            if (entry === null) {
                resolve();
                return;
            }
            if (!(entry.value && entry.value.storedAt >= before)) {
                entry.delete();
            }
            entry.continue();
        };
        cursor.onerror = () => reject(cursor.error);
    }));
}

/**
 * Asks the window that opened this one (the attachment) for the ciphertext until it answers, for about 30 seconds;
 * resolves with the bytes, or null. The attachment is a file, whose origin is opaque ("null"), so the "ready"
 * message goes to any origin: it carries nothing but the envelope ID. The answer is taken only from the opener
 * itself, for this envelope, and only when it has the ciphertext's form.
 */
export function receiveFromOpener(envelope) {
    const opener = window.opener;
    return new Promise((resolve) => {
        let tries = 0;
        const timer = setInterval(ready, READY_EVERY_MS);

        function finish(bytes) {
            clearInterval(timer);
            window.removeEventListener("message", handOver);
            resolve(bytes);
        }

        function handOver(event) {
            const data = event.data;
            if (event.source !== opener || data === null || typeof data !== "object"
                    || data.type !== "openenvelope:ciphertext" || data.envelope !== envelope
                    || typeof data.ciphertext !== "string") {
                return;
            }
            const bytes = decodeBase64(data.ciphertext);
            if (looksLikeCiphertext(bytes)) {
                finish(bytes);
            }
        }

        function ready() {
            if (tries++ >= READY_TRIES || opener.closed) {
                finish(null);
                return;
            }
            opener.postMessage({type: "openenvelope:ready", envelope}, "*");
        }

        window.addEventListener("message", handOver);
        ready();
    });
}
