/*
 * Shows a decrypted message: its fields as text, its HTML in a sandboxed frame (html-body.js) or its text in a
 * <pre>, and its attachments as downloads. Message data reaches this page's DOM only as text nodes and attribute
 * values; markup goes nowhere but the sanitised frame.
 */
import PostalMime from "./vendor/postal-mime/postal-mime.js";
import {contentIdKey, frameDocument} from "./html-body.js";

// Image types a browser shows without running anything; an inline SVG stays an attachment.
const INLINE_IMAGE_TYPES = new Set(["image/png", "image/jpeg", "image/gif", "image/webp", "image/avif", "image/bmp"]);

const $ = (id) => document.getElementById(id);

let blobUrls = [];
let resizeObserver = null;

export function parseMessage(bytes) {
    return PostalMime.parse(bytes);
}

function blobUrl(content, type) {
    const url = URL.createObjectURL(new Blob([content], {type}));
    blobUrls.push(url);
    return url;
}

/** The addresses of an address header, with groups flattened. */
export function addressList(entries) {
    const flat = [];
    for (const entry of entries || []) {
        if (Array.isArray(entry.group)) {
            flat.push(...entry.group);
        } else {
            flat.push(entry);
        }
    }
    return flat.filter((entry) => entry.address || entry.name);
}

function addressNode(entry) {
    const node = document.createElement("span");
    node.className = "address";
    if (entry.name && entry.address && entry.name !== entry.address) {
        const name = document.createElement("span");
        name.className = "name";
        name.textContent = entry.name;
        const mail = document.createElement("span");
        mail.className = "mail";
        mail.textContent = "<" + entry.address + ">";
        node.append(name, " ", mail);
    } else {
        node.textContent = entry.address || entry.name;
    }
    return node;
}

function showAddresses(field, entries) {
    const list = addressList(entries);
    $(field).replaceChildren(...list.flatMap((entry, i) => i === 0 ? [addressNode(entry)] : [", ", addressNode(entry)]));
    $(field + "-row").hidden = list.length === 0;
}

/** A message's Date as the person reads it here, or "" when it is not a date. */
export function formatDate(value) {
    const date = value ? new Date(value) : null;
    return date !== null && !isNaN(date)
        ? new Intl.DateTimeFormat(undefined, {dateStyle: "medium", timeStyle: "short"}).format(date) : "";
}

function showDate(value) {
    const field = $("date");
    field.replaceChildren();
    const text = formatDate(value);
    if (text !== "") {
        const time = document.createElement("time");
        time.dateTime = new Date(value).toISOString();
        time.textContent = text;
        field.append(time);
    }
    $("date-row").hidden = field.childNodes.length === 0;
}

/** A name to save a file under: no folders, control or direction-changing characters, nothing Windows refuses. */
export function safeFilename(name, number) {
    const clean = String(name || "")
        .replace(/[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, "")
        .replace(/[\/\\<>:"|?*]/g, "_")
        .replace(/^[\s.]+|[\s.]+$/g, "")
        .slice(0, 200);
    return clean || "attachment-" + number;
}

export function humanSize(bytes) {
    if (bytes < 1024) {
        return bytes === 1 ? "1 byte" : bytes + " bytes";
    }
    const units = ["KB", "MB", "GB"];
    let size = bytes / 1024;
    let unit = 0;
    while (size >= 1024 && unit < units.length - 1) {
        size /= 1024;
        unit++;
    }
    return (size < 10 ? size.toFixed(1) : Math.round(size)) + " " + units[unit];
}

function showAttachments(attachments) {
    const list = $("attachments");
    list.replaceChildren(...attachments.map((attachment, i) => {
        const content = attachment.content;
        const link = document.createElement("a");
        link.className = "attachment";
        link.download = safeFilename(attachment.filename, i + 1);
        // octet-stream: the browser saves the file rather than opening it on this site
        link.href = blobUrl(content, "application/octet-stream");
        const name = document.createElement("span");
        name.className = "attachment-name";
        name.textContent = link.download;
        const size = document.createElement("span");
        size.className = "attachment-size";
        size.textContent = humanSize(content.byteLength ?? content.length);
        link.append(name, size);
        const item = document.createElement("li");
        item.append(link);
        return item;
    }));
    $("attachments-section").hidden = attachments.length === 0;
}

/** Sizes the frame to its content, so that the page scrolls and not a box inside it. */
export function fitBody() {
    const frame = $("body-html");
    const root = frame.contentDocument && frame.contentDocument.documentElement;
    if (!frame.hidden && root) {
        // a wide message scrolls sideways; its scrollbar takes room from the frame's height
        const scrollbar = frame.clientHeight - root.clientHeight;
        frame.style.height = Math.ceil(root.getBoundingClientRect().height) + Math.max(scrollbar, 0) + "px";
    }
}

function renderHtml(html, inlineUrl, remoteAllowed) {
    const frame = $("body-html");
    const {srcdoc, remote} = frameDocument(html, inlineUrl, remoteAllowed);
    const bar = $("remote-bar");
    bar.hidden = remoteAllowed || remote === 0;
    $("remote-count").textContent = remote === 1 ? "1 remote image was blocked to protect your privacy."
        : remote + " remote images were blocked to protect your privacy.";
    frame.hidden = false;
    return new Promise((resolve) => {
        frame.onload = () => {
            if (resizeObserver !== null) {
                resizeObserver.disconnect();
            }
            resizeObserver = new ResizeObserver(fitBody);
            resizeObserver.observe(frame.contentDocument.documentElement);
            fitBody();
            resolve();
        };
        frame.srcdoc = srcdoc;
    });
}

/**
 * Fills the message view; resolves once the HTML frame has loaded, so that the view is complete when shown.
 *
 * @param email     postal-mime's parse of the message
 * @param subject   the subject from the service's record, or null to use the message's own
 * @param signedInAs the address the recipient is signed in with
 */
export async function showMessage(email, subject, signedInAs) {
    clearMessage();
    $("signed-in-as").textContent = signedInAs || "";
    $("subject").textContent = subject || email.subject || "(no subject)";
    showAddresses("from", email.from ? [email.from] : []);
    showAddresses("to", email.to);
    showAddresses("cc", email.cc);
    showDate(email.date);

    const attachments = email.attachments || [];
    const inline = new Map();
    for (const attachment of attachments) {
        if (attachment.contentId && INLINE_IMAGE_TYPES.has((attachment.mimeType || "").toLowerCase())) {
            inline.set(contentIdKey(attachment.contentId), attachment);
        }
    }
    const shown = new Set();
    const urls = new Map();
    const inlineUrl = (key) => {
        const attachment = inline.get(key);
        if (attachment === undefined) {
            return undefined;
        }
        shown.add(attachment);
        if (!urls.has(key)) {
            urls.set(key, blobUrl(attachment.content, attachment.mimeType.toLowerCase()));
        }
        return urls.get(key);
    };

    if (email.html) {
        $("show-remote").onclick = async () => {
            await renderHtml(email.html, inlineUrl, true);
            $("body-html").focus();
        };
        await renderHtml(email.html, inlineUrl, false);
    } else {
        const text = $("body-text");
        text.textContent = email.text || "(This message has no text.)";
        text.hidden = false;
    }
    showAttachments(attachments.filter((attachment) => !shown.has(attachment)));
}

/** Empties the view and releases its files, on sign-out or before another message. */
export function clearMessage() {
    if (resizeObserver !== null) {
        resizeObserver.disconnect();
        resizeObserver = null;
    }
    const frame = $("body-html");
    frame.onload = null;
    frame.removeAttribute("srcdoc");
    frame.hidden = true;
    frame.style.height = "";
    $("body-text").textContent = "";
    $("body-text").hidden = true;
    $("remote-bar").hidden = true;
    for (const id of ["subject", "signed-in-as", "from", "to", "cc", "date", "attachments"]) {
        $(id).replaceChildren();
    }
    $("attachments-section").hidden = true;
    for (const url of blobUrls) {
        URL.revokeObjectURL(url);
    }
    blobUrls = [];
}
