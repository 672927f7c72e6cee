/*
 * Turns a message's HTML into the srcdoc of a sandboxed frame. Three layers keep the sender's HTML from acting:
 * DOMPurify removes scripts, event handlers, forms and anything that embeds or redirects; the frame's sandbox has
 * no allow-scripts; and the frame's own Content-Security-Policy (on top of the viewer's, which a srcdoc document
 * inherits) loads nothing but inline styles and data:/blob: images.
 *
 * Remote images would tell the sender (or a tracker) when and where the message was read, so they are blocked until
 * the recipient asks for them: their URLs are moved into data-remote-* attributes and counted, and CSS url()s are
 * emptied. Showing them renders the HTML again with the URLs kept and https: images allowed by the frame's policy.
 * URLs that are neither remote nor inline (relative ones) are dropped: they would resolve against this service.
 */
import DOMPurify from "./vendor/dompurify/purify.es.mjs";

// Stated even where DOMPurify's defaults already drop them, so that the policy can be read here.
const FORBIDDEN = ["script", "noscript", "form", "input", "button", "select", "option", "optgroup", "textarea",
    "datalist", "output", "iframe", "frame", "frameset", "object", "embed", "applet", "portal", "fencedframe",
    "base", "meta", "link"];

const URL_ATTRIBUTES = ["src", "background", "poster"];

const REMOTE = /^(?:https?:)?\/\//i;

const CSS_URL = /url\(\s*(?:"([^"]*)"|'([^']*)'|([^)'"\s]*))\s*\)/gi;

const BASE_STYLE = "html{background:#fff;color:#1c2430}"
    + "body{margin:12px 0;font:15px/1.5 system-ui,-apple-system,\"Segoe UI\",Roboto,sans-serif;overflow-wrap:break-word}"
    + "img{max-width:100%;height:auto}";

function policy(remoteAllowed) {
    return "default-src 'none'; style-src 'unsafe-inline'; img-src data: blob:" + (remoteAllowed ? " https:" : "")
        + "; font-src data:";
}

/** A cid: URL's Content-ID as the parts' map keys it (RFC 2392: percent-encoded, no angle brackets). */
export function contentIdKey(id) {
    let key = id.trim().replace(/^</, "").replace(/>$/, "");
    try {
        key = decodeURIComponent(key);
    } catch (e) {
        // not percent-encoded after all
    }
    return key.toLowerCase();
}

/**
 * The srcdoc for html, and how many remote images the HTML has (all blocked unless remoteAllowed).
 *
 * @param html            the message's HTML part
 * @param inlineUrl       gives the blob: URL of an inline image by its contentIdKey, or undefined
 * @param remoteAllowed   whether remote images load
 */
export function frameDocument(html, inlineUrl, remoteAllowed) {
    let remote = 0;

    // What an image URL becomes: the inline part's blob: URL, a remote URL when allowed, else nothing.
    function imageUrl(value) {
        const url = value.trim();
        if (/^cid:/i.test(url)) {
            return inlineUrl(contentIdKey(url.slice(4))) || null;
        }
        if (/^(?:data|blob):/i.test(url)) {
            return url;
        }
        if (REMOTE.test(url)) {
            remote++;
            return remoteAllowed ? url.replace(/^\/\//, "https://") : null;
        }
        return null;
    }

    function css(text) {
        return text.replace(CSS_URL, (whole, double, single, bare) => {
            const url = imageUrl(double ?? single ?? bare);
            return url === null ? "url(\"\")" : "url(\"" + url.replace(/["\\\n]/g, encodeURIComponent) + "\")";
        });
    }

    const purifier = DOMPurify(window);
    purifier.addHook("afterSanitizeAttributes", (node) => {
        for (const name of URL_ATTRIBUTES) {
            if (node.hasAttribute(name)) {
                const original = node.getAttribute(name);
                const url = imageUrl(original);
                if (url === null) {
                    node.removeAttribute(name);
                    if (REMOTE.test(original.trim())) {
                        node.setAttribute("data-remote-" + name, original);
                    }
                } else {
                    node.setAttribute(name, url);
                }
            }
        }
        if (node.hasAttribute("srcset")) {
            srcset(node);
        }
        if (node.hasAttribute("style")) {
            node.setAttribute("style", css(node.getAttribute("style")));
        }
        if (node.localName === "style") {
            node.textContent = css(node.textContent);
        }
        if ((node.localName === "a" || node.localName === "area") && node.hasAttribute("href")) {
            node.setAttribute("target", "_blank");
            node.setAttribute("rel", "noopener noreferrer");
        }
    });

    // A srcset is kept only when every candidate is remote and remote images are allowed; src is the fallback.
    function srcset(node) {
        const value = node.getAttribute("srcset");
        const candidates = value.split(",").map((candidate) => candidate.trim().split(/\s+/)[0]);
        const allRemote = candidates.every((url) => REMOTE.test(url));
        if (allRemote) {
            remote++;
        }
        if (!(allRemote && remoteAllowed)) {
            node.removeAttribute("srcset");
            if (allRemote) {
                node.setAttribute("data-remote-srcset", value);
            }
        }
    }

    const root = purifier.sanitize(html, {WHOLE_DOCUMENT: true, RETURN_DOM: true, USE_PROFILES: {html: true},
        FORBID_TAGS: FORBIDDEN});
    const head = root.querySelector("head");
    const styles = head === null ? "" : [...head.querySelectorAll("style")].map((style) => style.outerHTML).join("");
    const body = root.querySelector("body");

    const srcdoc = "<!DOCTYPE html><html><head><meta charset=\"utf-8\">"
        + "<meta http-equiv=\"Content-Security-Policy\" content=\"" + policy(remoteAllowed) + "\">"
        + "<meta name=\"referrer\" content=\"no-referrer\"><base target=\"_blank\">"
        + "<style>" + BASE_STYLE + "</style>" + styles + "</head>"
        + (body === null ? "<body></body>" : body.outerHTML) + "</html>";
    return {srcdoc, remote};
}
