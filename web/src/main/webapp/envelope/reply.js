/*
 * Secure Reply, Reply All and Forward on the reading page. The service writes the reply and seals it as a new
 * envelope from the signed-in address. Who a reply goes to the service takes from the envelope's record, never from
 * this page; the addressees shown here are worked out from the same record (the key's answer) so that the person
 * sees where it goes before sending. A forward carries the original as this browser decrypted it: the service
 * never holds it in the clear.
 */
import {Unavailable} from "./api.js";
import {addressList, formatDate, humanSize} from "./message.js";
import {addressParser} from "./vendor/postal-mime/postal-mime.js";
import {htmlToText} from "./vendor/postal-mime/text-format.js";

const $ = (id) => document.getElementById(id);

// The service's limits: openenvelope.envelope.max-message-bytes (default) on the reply's MIME, and SecureReply's.
const MAX_MESSAGE_BYTES = 25 * 1024 * 1024;
const MAX_TEXT_CHARS = 200_000;
const MAX_FORWARD_TO = 20;
// Room for the reply's headers and each part's own; generous, so that what passes here passes there.
const HEADER_BYTES = 16 * 1024;
const PART_BYTES = 1024;
const QUOTE_CHARS = 100_000;

const KINDS = {
    REPLY: {button: "reply", title: "Reply securely", prefix: "Re: ", sent: "Your reply was sent encrypted to "},
    REPLY_ALL: {button: "reply-all", title: "Reply to all", prefix: "Re: ", sent: "Your reply was sent encrypted to "},
    FORWARD: {button: "forward", title: "Forward securely", prefix: "Fwd: ", sent: "The message was forwarded encrypted to "}
};
const FIELDS = ["reply-to", "reply-text", "reply-files"];
const SEND = "Send securely";
const NOT_SENT = "Your reply was not sent. ";

const LIST = new Intl.ListFormat("en", {type: "conjunction"});
const UTF8 = new TextEncoder();

const normal = (address) => String(address || "").trim().toLowerCase();

// What bytes take in the reply's MIME: base64 lines of 76 characters (57 bytes each) and the part's headers.
const encoded = (bytes) => Math.ceil(bytes / 57) * 78 + PART_BYTES;

function addressText(entry) {
    return entry.name && entry.address && entry.name !== entry.address ? entry.name + " <" + entry.address + ">"
        : entry.address || entry.name;
}

function addressesText(entries) {
    return addressList(entries).map(addressText).join(", ");
}

/** The message's text: its plain part, or the text of its HTML (whose lines keep the spaces of the tags). */
function originalText(email) {
    const text = email.text ? email.text.replace(/\r\n?/g, "\n")
        : email.html ? htmlToText(email.html).split("\n").map((line) => line.trim()).join("\n") : "";
    return text.replace(/\s+$/, "");
}

function base64(blob) {
    return new Promise((resolve, reject) => {
        const reader = new FileReader();
        reader.onload = () => resolve(reader.result.slice(reader.result.indexOf(",") + 1));
        reader.onerror = () => reject(reader.error);
        reader.readAsDataURL(blob);
    });
}

/** A file that could not be read any more (moved or deleted since it was chosen). */
class Unreadable extends Error {
    constructor(file) {
        super(file.name + " could not be read. Remove it and attach it again.");
    }
}

/**
 * @param call      the recipient API
 * @param envelope  the envelope answered
 * @param signedOut called when the service no longer knows the session; the draft is kept for when the envelope
 *                  opens again
 */
export function replyComposer({call, envelope, signedOut}) {
    const form = $("reply-form");
    let opened = null;
    let kind = null;
    let files = [];
    let prefill = "";
    let sending = false;
    let keepDraft = false;

    function addressees(forKind) {
        const me = normal(opened.signedInAs);
        const all = [opened.sender];
        if (forKind === "REPLY_ALL") {
            all.push(...opened.recipients.filter((r) => r.kind !== "BCC").map((r) => r.address));
        }
        return [...new Set(all.map(normal))].filter((address) => address !== "" && address !== me);
    }

    function senderText() {
        const from = opened.email.from ? addressList([opened.email.from]) : [];
        return from.length > 0 ? addressText(from[0]) : opened.sender;
    }

    function quoted() {
        let text = originalText(opened.email);
        if (text === "") {
            return "";
        }
        if (text.length > QUOTE_CHARS) {
            const cut = text.lastIndexOf("\n", QUOTE_CHARS);
            text = text.slice(0, cut > 0 ? cut : QUOTE_CHARS) + "\n[…]";
        }
        const date = formatDate(opened.email.date);
        return "\n\n" + (date ? "On " + date + ", " : "") + senderText() + " wrote:\n"
            + text.split("\n").map((line) => line === "" ? ">" : "> " + line).join("\n") + "\n";
    }

    function forwardHeader() {
        const email = opened.email;
        const rows = [["From", senderText()], ["Date", formatDate(email.date)], ["Subject", opened.subject],
            ["To", addressesText(email.to)], ["Cc", addressesText(email.cc)]];
        return "\n\n---------- Forwarded message ----------\n"
            + rows.filter(([, value]) => value).map(([name, value]) => name + ": " + value).join("\n") + "\n";
    }

    function subjectLine() {
        const original = opened.subject.trim();
        const prefix = KINDS[kind].prefix;
        return original.toLowerCase().startsWith(prefix.toLowerCase()) ? original : prefix + original;
    }

    // The room the reply's MIME leaves for files beside the text and (for a forward) the original.
    function room() {
        const text = encoded(UTF8.encode($("reply-text").value).length);
        const original = kind === "FORWARD" ? opened.original.byteLength + PART_BYTES : 0;
        return MAX_MESSAGE_BYTES - HEADER_BYTES - text - original;
    }

    // That room as the person counts it: the size of the files on their disk.
    const fileRoom = () => Math.max(0, Math.floor((room() - PART_BYTES) / 78) * 57);

    const fits = (chosen) => chosen.reduce((sum, file) => sum + encoded(file.size), 0) <= room();

    function clearErrors() {
        $("reply-error").textContent = "";
        for (const id of FIELDS) {
            $(id).removeAttribute("aria-invalid");
            $(id + "-error").textContent = "";
            $(id + "-error").hidden = true;
        }
    }

    // Next to the send button, which keeps the focus it lost while disabled.
    function formError(message) {
        $("reply-error").textContent = message;
        $("send-reply").focus();
    }

    function fieldError(id, message) {
        const input = $(id);
        if (input === null || input.closest("[hidden]")) {
            formError(message);
            return;
        }
        input.setAttribute("aria-invalid", "true");
        $(id + "-error").textContent = message;
        $(id + "-error").hidden = false;
        input.focus();
    }

    function showFiles() {
        $("reply-file-list").replaceChildren(...files.map((file) => {
            const name = document.createElement("span");
            name.className = "file-name";
            name.textContent = file.name;
            const size = document.createElement("span");
            size.className = "file-size";
            size.textContent = humanSize(file.size);
            const remove = document.createElement("button");
            remove.type = "button";
            remove.className = "link";
            remove.textContent = "Remove";
            remove.setAttribute("aria-label", "Remove " + file.name);
            remove.addEventListener("click", () => {
                files = files.filter((other) => other !== file);
                showFiles();
                $("reply-files").focus();
            });
            const item = document.createElement("li");
            item.append(name, size, remove);
            return item;
        }));
        $("reply-files-hint").textContent = "Files can add up to " + humanSize(fileRoom()) + " altogether.";
    }

    function showToolbar() {
        const one = addressees("REPLY").length;
        // what the sender's account allows (its Features), as the key's answer says
        const allowed = opened.replies || Object.keys(KINDS);
        $("reply").hidden = one === 0 || !allowed.includes("REPLY");
        // only when there is someone beyond the sender
        $("reply-all").hidden = addressees("REPLY_ALL").length <= one || !allowed.includes("REPLY_ALL");
        $("forward").hidden = !allowed.includes("FORWARD");
        for (const [name, {button}] of Object.entries(KINDS)) {
            $(button).setAttribute("aria-expanded", String(!form.hidden && name === kind));
        }
    }

    function showKind() {
        const forward = kind === "FORWARD";
        $("reply-title").textContent = KINDS[kind].title;
        $("reply-addressees").textContent = forward ? "" : addressees(kind).join(", ");
        $("reply-addressees-row").hidden = forward;
        $("reply-to-field").hidden = !forward;
        $("reply-forward-note").hidden = !forward;
        $("reply-subject").textContent = subjectLine();
        showFiles();
    }

    function compose(chosen) {
        kind = chosen;
        clearErrors();
        $("reply-sent").textContent = "";
        prefill = kind === "FORWARD" ? forwardHeader() : quoted();
        const text = $("reply-text");
        text.value = prefill;
        showKind();
        form.hidden = false;
        showToolbar();
        text.setSelectionRange(0, 0);
        text.scrollTop = 0;
        (kind === "FORWARD" ? $("reply-to") : text).focus();
    }

    function reset() {
        form.hidden = true;
        kind = null;
        files = [];
        prefill = "";
        keepDraft = false;
        $("reply-to").value = "";
        $("reply-text").value = "";
        $("reply-file-list").replaceChildren();
        clearErrors();
    }

    function forwardTo() {
        const value = $("reply-to").value;
        // plain addresses may be split by anything addresses never hold; "Name <address>" needs the parser
        const entries = /[<"]/.test(value)
            ? addressList(addressParser(value.replace(/[\r\n;]+/g, ",")))
            : value.split(/[\s,;]+/).filter((part) => part !== "").map((address) => ({address}));
        if (entries.length === 0) {
            fieldError("reply-to", "Enter the email address to forward the message to.");
            return null;
        }
        const wrong = entries.find((entry) => !/^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:".]+$/
            .test(entry.address || "") || /@/.test(entry.name || ""));
        if (wrong !== undefined) {
            fieldError("reply-to", (wrong.address || wrong.name) + " is not an email address. "
                + "Separate addresses with commas or put each on its own line.");
            return null;
        }
        const to = [...new Set(entries.map((entry) => normal(entry.address)))];
        if (to.length > MAX_FORWARD_TO) {
            fieldError("reply-to", "Forward to at most " + MAX_FORWARD_TO + " addresses at a time.");
            return null;
        }
        if (to.every((address) => address === normal(opened.signedInAs))) {
            fieldError("reply-to", "That is your own address. Enter the address of the person to forward to.");
            return null;
        }
        return to;
    }

    function checked() {
        const to = kind === "FORWARD" ? forwardTo() : [];
        if (to === null) {
            return null;
        }
        const text = $("reply-text").value;
        if (kind !== "FORWARD" && (text.trim() === "" || text === prefill)) {
            fieldError("reply-text", "Write your reply above the quoted message.");
            return null;
        }
        if (text.length > MAX_TEXT_CHARS) {
            fieldError("reply-text", "The text is too long: it can be at most " + MAX_TEXT_CHARS.toLocaleString("en")
                + " characters. Shorten the quoted message.");
            return null;
        }
        if (!fits(files)) {
            fieldError("reply-files", "The files are too large to send together. Files can add up to "
                + humanSize(fileRoom()) + " altogether; remove one.");
            return null;
        }
        return {to, text};
    }

    async function body(to, text) {
        const attached = [];
        for (const file of files) {
            let content;
            try {
                content = await base64(file);
            } catch (e) {
                throw new Unreadable(file);
            }
            attached.push({name: file.name, contentType: file.type || "application/octet-stream", content});
        }
        const request = {kind, subject: opened.subject, text, files: attached};
        const messageId = (opened.email.messageId || "").trim();
        if (messageId !== "") {
            request.inReplyTo = messageId;
        }
        if (kind === "FORWARD") {
            request.to = to;
            request.original = await base64(new Blob([opened.original]));
        }
        return request;
    }

    function sent(json, forwardedTo) {
        const to = Array.isArray(json.to) && json.to.length > 0 ? json.to
            : kind === "FORWARD" ? forwardedTo : addressees(kind);
        const message = KINDS[kind].sent + LIST.format(to) + ".";
        reset();
        showToolbar();
        $("reply-sent").textContent = message;
        $("reply-sent").focus();
    }

    function refused(status, json) {
        const message = json.message || "";
        if (status === 400) {
            const field = {to: "reply-to", text: "reply-text", files: "reply-files"}[json.field];
            if (field !== undefined) {
                fieldError(field, message || "Check this field.");
            } else if (json.field === "message") {
                fieldError(files.length > 0 ? "reply-files" : "reply-text",
                    "The reply is too large to send. Remove a file or shorten the text.");
            } else {
                formError(NOT_SENT + (message || "Try again."));
            }
        } else if (status === 403) {
            formError(NOT_SENT + (message || "You can no longer answer this message."));
        } else if (status === 429) {
            formError(NOT_SENT
                + (message || "Too many replies were sent in a short time. Wait a few minutes and try again."));
        } else {
            formError(NOT_SENT + (message || "Try again."));
        }
    }

    function working(on) {
        sending = on;
        const button = $("send-reply");
        button.disabled = on;
        button.classList.toggle("busy", on);
        button.textContent = on ? "Encrypting and sending…" : SEND;
        $("cancel-reply").disabled = on;
        form.setAttribute("aria-busy", String(on));
    }

    async function send() {
        const values = checked();
        if (values === null) {
            return;
        }
        working(true);
        try {
            const {status, json} = await call("POST", "envelopes/" + encodeURIComponent(envelope) + "/replies",
                await body(values.to, values.text));
            working(false);
            if (status === 201) {
                sent(json, values.to);
            } else if (status === 401) {
                keepDraft = true;
                signedOut();
            } else {
                refused(status, json);
            }
        } catch (e) {
            working(false);
            if (e instanceof Unreadable) {
                fieldError("reply-files", e.message);
            } else {
                formError(NOT_SENT + (e instanceof Unavailable ? e.message : "Try again."));
            }
        }
    }

    form.addEventListener("submit", (event) => {
        event.preventDefault();
        if (!sending) {
            clearErrors();
            send();
        }
    });

    $("cancel-reply").addEventListener("click", () => {
        const opener = $(KINDS[kind].button);
        reset();
        showToolbar();
        opener.focus();
    });

    $("reply-files").addEventListener("change", () => {
        const input = $("reply-files");
        clearErrors();
        const tooLarge = [];
        for (const file of input.files) {
            if (fits([...files, file])) {
                files.push(file);
            } else {
                tooLarge.push(file.name + " (" + humanSize(file.size) + ")");
            }
        }
        // chosen again, the same file would raise no change; the list above is what goes
        input.value = "";
        showFiles();
        if (tooLarge.length > 0) {
            fieldError("reply-files", LIST.format(tooLarge) + (tooLarge.length === 1 ? " is" : " are")
                + " too large to attach. Files can add up to " + humanSize(fileRoom()) + " altogether.");
        }
    });

    for (const [name, {button}] of Object.entries(KINDS)) {
        $(button).addEventListener("click", () => {
            if (!sending) {
                compose(name);
            }
        });
    }

    return {
        /**
         * Offers replies to a message now on show; a draft cut short by the end of the session stays as it was.
         *
         * @param message {email, original (the decrypted MIME, ArrayBuffer), subject (as decrypted), sender,
         *                recipients, signedInAs, replies} — the last four from the key's answer
         */
        open(message) {
            opened = message;
            $("reply-sent").textContent = "";
            if (keepDraft && kind !== null) {
                keepDraft = false;
                clearErrors();
                showKind();
            } else {
                reset();
            }
            showToolbar();
        },

        /** Forgets the message and any draft, on sign-out. */
        close() {
            reset();
            opened = null;
            $("reply-sent").textContent = "";
        }
    };
}
