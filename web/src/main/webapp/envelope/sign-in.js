/*
 * The sign-in step: the recipient gives the address the message was sent to, then proves it with a one-time code
 * sent there or with a password. An address whose organisation signs it in (its domain verified by an account of
 * this service that uses SAML) is offered that organisation's sign-in first; the browser goes there and comes back
 * to this page signed in, the ciphertext kept in this browser meanwhile. Setting up or resetting a password happens through a mailed link in another tab;
 * this page waits and offers to go on with the password once that is done.
 *
 * The service answers a request for a code, a registration or a reset the same way whatever the address (so that
 * nobody can learn who may open what); those answers are shown as they are, in the status line.
 */

const $ = (id) => document.getElementById(id);

const STEPS = {address: "address-form", sso: "sso-step", code: "code-form", password: "password-form", mailed: "mailed"};
const FIELDS = {address: "signin-address", code: "code", password: "password"};
const SOMETHING_WRONG = "That did not work. Try again.";

/**
 * @param call      the recipient API
 * @param envelope  the envelope's ID, which code and password mails link back to
 * @param setState  shows one of the viewer's states
 * @param attempt   runs an action, turning an unavailable service into the viewer's error state with a retry
 * @param signedIn  called with the session once the recipient has signed in
 */
export function signInStep({call, envelope, setState, attempt, signedIn}) {
    const section = $("step-sign-in");
    const addressInput = $("signin-address");
    let address = "";
    let organisationSignIn = null;

    function clearMessages() {
        $("notice").textContent = "";
        $("error").textContent = "";
        for (const input of Object.values(FIELDS).map($)) {
            input.removeAttribute("aria-invalid");
            $(input.id + "-error").textContent = "";
            $(input.id + "-error").hidden = true;
        }
    }

    function show(step, focus) {
        clearMessages();
        section.dataset.step = step;
        for (const [name, id] of Object.entries(STEPS)) {
            $(id).hidden = name !== step;
        }
        for (const node of section.querySelectorAll(".chosen-address")) {
            node.textContent = address;
        }
        section.querySelector(".chosen-username").value = address;
        setState("sign-in");
        focus.focus();
    }

    // A refusal from the service, next to the field it names when that field is on show.
    function refused(json, fallbackField) {
        const message = json.message || SOMETHING_WRONG;
        const input = $(FIELDS[json.field || fallbackField] || "");
        if (input !== null && !input.closest("[hidden]")) {
            input.setAttribute("aria-invalid", "true");
            const error = $(input.id + "-error");
            error.textContent = message;
            error.hidden = false;
            input.focus();
        } else {
            $("error").textContent = message;
        }
    }

    // One request at a time. The buttons stay enabled (a disabled one could not take the focus a step gives it);
    // presses while a request runs are ignored.
    let working = false;

    function busy(action) {
        if (working) {
            return;
        }
        return attempt(async () => {
            working = true;
            section.setAttribute("aria-busy", "true");
            try {
                await action();
            } finally {
                working = false;
                section.removeAttribute("aria-busy");
            }
        });
    }

    function chosenAddress() {
        const value = addressInput.value.trim();
        if (value === "" || !addressInput.validity.valid) {
            refused({message: "Enter your email address, like name@example.com.", field: "address"});
            return null;
        }
        return value;
    }

    async function sendCode() {
        const {status, json} = await call("POST", "sign-in/code", {address, envelope});
        if (status === 202) {
            show("code", $("code"));
            $("code").value = "";
            $("notice").textContent = json.message || "";
        } else {
            refused(json);
        }
    }

    async function mailed(path, button) {
        const {status, json} = await call("POST", path, {address, envelope});
        if (status === 202) {
            $("password-set").textContent = button;
            show("mailed", $("password-set"));
            $("notice").textContent = json.message || "";
        } else {
            refused(json);
        }
    }

    $("address-form").addEventListener("submit", (event) => {
        event.preventDefault();
        clearMessages();
        const chosen = chosenAddress();
        if (chosen === null) {
            return;
        }
        address = chosen;
        const withPassword = event.submitter && event.submitter.value === "password";
        busy(async () => {
            const {status, json} = await call("POST", "sign-in/method", {address, envelope});
            if (status !== 200) {
                refused(json);
            } else if (json.method === "SSO") {
                organisationSignIn = json.location;
                $("sso-organisation").textContent = json.organisation;
                $("sso-continue").textContent = "Sign in with " + json.organisation;
                show("sso", $("sso-continue"));
            } else if (withPassword) {
                showPassword();
            } else {
                await sendCode();
            }
        });
    });

    function showPassword() {
        $("password").value = "";
        show("password", $("password"));
    }

    $("sso-continue").addEventListener("click", () => location.assign(organisationSignIn));
    $("sso-code").addEventListener("click", () => busy(sendCode));
    $("sso-password").addEventListener("click", showPassword);

    $("code-form").addEventListener("submit", (event) => {
        event.preventDefault();
        clearMessages();
        const code = $("code").value.replace(/\s+/g, "");
        if (code === "") {
            refused({message: "Enter the code from the email.", field: "code"});
            return;
        }
        busy(async () => {
            const {status, json} = await call("POST", "sign-in/code/verify", {address, code});
            if (status === 200) {
                signedIn(json);
            } else {
                refused(json, "code");
            }
        });
    });

    $("resend-code").addEventListener("click", () => busy(sendCode));

    $("password-form").addEventListener("submit", (event) => {
        event.preventDefault();
        clearMessages();
        const password = $("password").value;
        if (password === "") {
            refused({message: "Enter your password.", field: "password"});
            return;
        }
        busy(async () => {
            const {status, json} = await call("POST", "sign-in/password", {address, password, envelope});
            if (status === 200) {
                $("password").value = "";
                signedIn(json);
            } else {
                $("password").value = "";
                refused(json);
                if (!json.field) {
                    $("password").focus();
                }
            }
        });
    });

    $("forgot-password").addEventListener("click",
        () => busy(() => mailed("password-resets", "I have set a new password — sign in")));
    $("register").addEventListener("click",
        () => busy(() => mailed("registrations", "I have set my password — sign in")));
    $("password-set").addEventListener("click", showPassword);

    function start() {
        show("address", addressInput);
        addressInput.select();
    }

    for (const button of section.querySelectorAll(".change-address")) {
        button.addEventListener("click", start);
    }

    return {start};
}
