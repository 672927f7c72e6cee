/*
 * The envelope viewer: gets the envelope's ciphertext in this browser (ciphertexts.js), signs the recipient in
 * (sign-in.js), asks the service for the envelope's key, decrypts here (envelope-cipher.js) and shows the message
 * (message.js), which the recipient can answer (reply.js). The ciphertext never goes to the service and the key
 * never to the attachment.
 *
 * #viewer's data-state always names the step on show: waiting, no-ciphertext, sign-in, opening, refused, message
 * or error.
 */
import {recipientApi, Unavailable} from "./api.js";
import {decodeBase64, dropOldCiphertexts, forgetCiphertext, looksLikeCiphertext, receiveFromOpener, storeCiphertext,
    storedCiphertext} from "./ciphertexts.js";
import {Altered, decryptPart, importKey} from "./envelope-cipher.js";
import {clearMessage, fitBody, parseMessage, showMessage} from "./message.js";
import {replyComposer} from "./reply.js";
import {signInStep} from "./sign-in.js";

const $ = (id) => document.getElementById(id);

const STATES = ["waiting", "no-ciphertext", "sign-in", "opening", "refused", "message", "error"];
const REFUSALS = {
    locked: "The sender has locked this message.",
    expired: "This message has expired.",
    revoked: "The sender has withdrawn your access to this message.",
    not_a_recipient: "This message was not sent to the address you signed in with.",
    not_found: "This message does not exist, or it has been deleted."
};

const viewer = $("viewer");
const envelope = viewer.dataset.envelope;
const call = recipientApi(viewer.dataset.context);
let ciphertext = null;
let session = null;
let retry = null;

function setState(state, focus) {
    viewer.dataset.state = state;
    for (const name of STATES) {
        $("step-" + name).hidden = name !== state;
    }
    if (focus) {
        focus.focus();
    }
}

function failed(message, again, altered = false) {
    $("failure").textContent = message;
    $("failure-altered").hidden = !altered;
    retry = again;
    $("retry").hidden = again === null;
    setState("error", $("error-title"));
}

/** Runs one step; a service that cannot answer, or a ciphertext that does not decrypt, ends in the error state. */
async function attempt(action) {
    try {
        await action();
    } catch (e) {
        if (e instanceof Altered) {
            failed(e.message, null, true);
        } else if (e instanceof Unavailable) {
            failed(e.message, () => attempt(action));
        } else {
            console.error(e);
            failed("Something went wrong while opening the message. Try again.", () => attempt(action));
        }
    }
}

async function posted() {
    const text = $("posted-ciphertext").value;
    if (text.trim() === "") {
        return null;
    }
    $("posted-ciphertext").value = "";
    // a reload is then a plain GET, not the form's post again
    history.replaceState(null, "", location.pathname + "?envelope=" + encodeURIComponent(envelope));
    const bytes = decodeBase64(text);
    if (!looksLikeCiphertext(bytes)) {
        throw new Altered();
    }
    await storeCiphertext(envelope, bytes);
    return bytes;
}

async function fromOpener() {
    if (!window.opener) {
        return null;
    }
    const bytes = await receiveFromOpener(envelope);
    if (bytes !== null) {
        await storeCiphertext(envelope, bytes);
    }
    return bytes;
}

async function start() {
    setState("waiting");
    await dropOldCiphertexts();
    ciphertext = await posted() || await storedCiphertext(envelope) || await fromOpener();
    if (ciphertext === null) {
        setState("no-ciphertext", $("no-ciphertext-title"));
        return;
    }
    await checkSession();
}

async function checkSession() {
    setState("opening");
    const {status, json} = await call("GET", "session");
    if (status === 200) {
        session = json;
        await openEnvelope();
    } else if (status === 401) {
        signIn.start();
    } else {
        unexpected(json);
    }
}

function unexpected(json) {
    throw new Unavailable(json.message || "The service gave an answer this page does not understand. Try again.");
}

async function openEnvelope() {
    setState("opening", $("opening-title"));
    const {status, json} = await call("POST", "envelopes/" + encodeURIComponent(envelope) + "/key", {});
    if (status === 200) {
        // performance entries, for tests to read how long opening takes
        performance.mark("openenvelope:open-start");
        await decryptAndShow(json);
    } else if (status === 401) {
        session = null;
        signIn.start();
    } else if (status === 403 || status === 404) {
        refuse(json.code || "not_found", json);
    } else {
        unexpected(json);
    }
}

async function decryptAndShow(answer) {
    const key = await importKey(answer.key);
    let plain;
    try {
        performance.mark("openenvelope:decrypt-start");
        plain = await decryptPart(key, answer.keyVersion, ciphertext, answer.messageAad);
        performance.measure("openenvelope:decrypt", "openenvelope:decrypt-start");
    } catch (e) {
        // this copy can never open; the attachment's can take its place next time
        await forgetCiphertext(envelope);
        throw e;
    }
    let subject = null;
    if (answer.subject) {
        const bytes = await decryptPart(key, answer.keyVersion, decodeBase64(answer.subject.ciphertext || ""),
            answer.subject.aad);
        subject = new TextDecoder().decode(bytes);
    }
    const email = await parseMessage(plain);
    const signedInAs = answer.signedInAs || (session && session.address);
    await showMessage(email, subject, signedInAs);
    composer.open({email, original: plain, subject: subject || email.subject || "", sender: answer.sender,
        recipients: answer.recipients || [], signedInAs, replies: answer.replies});
    setState("message", $("subject"));
    fitBody();
    performance.measure("openenvelope:open", "openenvelope:open-start");
}

function refuse(code, json) {
    $("refusal").dataset.refusal = code;
    $("refusal-message").textContent = json.message || REFUSALS[code] || "This message cannot be opened.";
    const reason = typeof json.reason === "string" ? json.reason.trim() : "";
    $("refusal-reason-text").textContent = reason;
    $("refusal-reason").hidden = reason === "";
    for (const node of document.querySelectorAll(".signed-in-address")) {
        node.textContent = session ? session.address : "";
    }
    $("refusal-other-address").hidden = code !== "not_a_recipient";
    setState("refused", $("refusal-title"));
}

async function signOut() {
    const {status, json} = await call("DELETE", "session");
    if (status !== 204 && status !== 401) {
        unexpected(json);
    }
    session = null;
    clearMessage();
    composer.close();
    signIn.start();
}

const signIn = signInStep({call, envelope, setState, attempt,
    signedIn: (json) => {
        session = json;
        attempt(openEnvelope);
    }});

const composer = replyComposer({call, envelope,
    signedOut: () => {
        session = null;
        signIn.start();
    }});

$("retry").addEventListener("click", () => retry && retry());
$("sign-out").addEventListener("click", () => attempt(signOut));
$("refusal-sign-out").addEventListener("click", () => attempt(signOut));

attempt(start);
