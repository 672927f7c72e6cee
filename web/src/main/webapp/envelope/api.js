/*
 * The recipient API (same origin, session cookie). A call resolves with the status and the parsed answer for every
 * HTTP status; it rejects with an Unavailable only when the answer cannot be used at all: the service could not be
 * reached, or it failed (5xx), which the viewer shows as its error state with a retry.
 */

/** The service could not be reached or failed; `message` is for the person. */
export class Unavailable extends Error {
}

export function recipientApi(context) {
    const base = context + "/api/recipient/v1/";

    return async function call(method, path, body) {
        const headers = {"Accept": "application/json"};
        if (body !== undefined) {
            headers["Content-Type"] = "application/json";
        }
        let response;
        try {
            response = await fetch(base + path, {method, headers, credentials: "same-origin", cache: "no-store",
                body: body === undefined ? undefined : JSON.stringify(body)});
        } catch (e) {
            throw new Unavailable("The service cannot be reached. Check your internet connection and try again.");
        }
        if (response.status >= 500) {
            throw new Unavailable("The service is having a problem right now. Try again in a few minutes.");
        }
        const text = await response.text();
        let json = {};
        try {
            json = text ? JSON.parse(text) : {};
        } catch (e) {
            // a proxy's HTML page, say: the status still says what happened
        }
        return {status: response.status, json: json !== null && typeof json === "object" ? json : {}};
    };
}
