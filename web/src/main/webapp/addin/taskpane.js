/*
 * The Outlook add-in's task pane: signs the sender in (a password, or the organisation's identity provider in an
 * Office dialog), then protects the message being written as the mailbox's domain is set up in Addin Config:
 * Encrypt asks the service, Flag marks the message (subject text or an X- header) for the organisation's gateway.
 * Each step is shown in the Encryption Flow Summary as the service records it.
 *
 * The password never stays in the add-in: only the service's token does, in localStorage for the days the domain
 * remembers passwords, else in memory for this message only.
 */
'use strict';
(function () {
    const STORE = 'openenvelope.addin.session';
    const MAILBOX_1_8 = ['Mailbox', '1.8'];
    const MAILBOX_1_3 = ['Mailbox', '1.3'];
    const POLL_MS = 1000;
    /** How long the summary of a sent Encrypt shows before the compose window closes by itself. */
    const CLOSE_AFTER_MS = 6000;
    const state = {mailbox: null, session: null, step: 'email', signInUrl: null, flow: null, draftId: null,
        facts: null, decision: null};
    const $ = (id) => document.getElementById(id);

    function api(path) {
        return new URL('../api/addin/v1/' + path, location.href).toString();
    }

    /** One call of the add-in API; never rejects for an HTTP status, only when the service cannot be reached. */
    async function call(method, path, body, token) {
        const headers = {'Accept': 'application/json'};
        if (body !== undefined) {
            headers['Content-Type'] = 'application/json';
        }
        if (token) {
            headers['Authorization'] = 'Bearer ' + token;
        }
        let response;
        try {
            response = await fetch(api(path), {method: method, headers: headers, credentials: 'same-origin',
                cache: 'no-store', body: body === undefined ? undefined : JSON.stringify(body)});
        } catch (e) {
            return {status: 0, json: {message: 'The service cannot be reached. Check your connection and try again.'}};
        }
        const text = await response.text();
        let json = null;
        try {
            json = text ? JSON.parse(text) : null;
        } catch (e) {
            json = {message: 'The service answered something unexpected (HTTP ' + response.status + '). Try again later.'};
        }
        return {status: response.status, json: json};
    }

    // ---- what the sender sees ---------------------------------------------------------------------------------

    function show(section) {
        for (const id of ['starting', 'sign-in', 'signed-in']) {
            $(id).hidden = id !== section;
        }
    }

    function problem(message) {
        $('problem').textContent = message || '';
        $('problem').hidden = !message;
    }

    function clearErrors() {
        for (const element of document.querySelectorAll('.field-error')) {
            element.textContent = '';
        }
        problem(null);
    }

    /** An API error next to the field it names, else above everything. */
    function refusal(reply) {
        const error = reply.json || {};
        const target = error.field && $(error.field + '-error');
        if (target) {
            target.textContent = error.message;
        } else {
            problem(error.message || 'Something went wrong (HTTP ' + reply.status + '). Try again.');
        }
    }

    function signInStep(step) {
        state.step = step;
        $('password-field').hidden = step !== 'password' && step !== 'new-password';
        $('new-password-field').hidden = step !== 'new-password';
        $('identity-provider').hidden = step !== 'identity-provider';
        $('sign-in-button').hidden = step === 'identity-provider';
        $('sign-in-button').textContent = step === 'email' ? 'Next' : step === 'password' ? 'Sign in' : 'Set password and sign in';
        $('email').readOnly = step !== 'email';
        const focus = {email: 'email', password: 'password', 'new-password': 'new-password'}[step];
        if (focus) {
            $(focus).focus();
        }
    }

    function showSignIn(message) {
        state.session = null;
        $('email').value = $('email').value || state.mailbox;
        $('password').value = '';
        $('new-password').value = '';
        show('sign-in');
        signInStep('email');
        problem(message);
    }

    const DATE = new Intl.DateTimeFormat(undefined, {month: 'short', day: 'numeric', year: 'numeric'});
    const TIME = new Intl.DateTimeFormat(undefined, {hour: '2-digit', minute: '2-digit', second: '2-digit'});

    function when(instant) {
        const date = new Date(instant);
        return DATE.format(date) + '; ' + TIME.format(date);
    }

    function renderFlow(flow) {
        state.flow = flow;
        const list = $('flow-steps');
        list.replaceChildren();
        for (const step of flow.steps) {
            const item = document.createElement('li');
            item.className = 'step ' + step.status.toLowerCase();
            item.dataset.step = step.step;
            const label = document.createElement('span');
            label.className = 'label';
            label.textContent = step.label;
            item.append(label);
            if (step.at) {
                const time = document.createElement('time');
                time.dateTime = step.at;
                time.textContent = when(step.at);
                item.append(time);
            }
            if (step.detail) {
                const detail = document.createElement('p');
                detail.className = 'detail';
                detail.textContent = step.detail;
                item.append(detail);
            }
            list.append(item);
        }
        const outcome = $('flow-outcome');
        outcome.className = 'outcome ' + flow.outcome.toLowerCase();
        const encrypt = flow.encryptionType === 'ENCRYPT';
        outcome.textContent = flow.outcome === 'FAILED'
            ? (encrypt ? 'Your message was not sent; it is still in your Drafts.' : 'Your message was not protected.')
            : flow.outcome === 'COMPLETED'
                ? (encrypt ? 'Your message was encrypted and sent. This window closes by itself: sending it from'
                    + ' Outlook as well would send it again, unencrypted.'
                    : 'Your message is flagged. Click Send: your organisation\'s gateway encrypts it on the way out.')
                : 'Working…';
        // Encrypt: only where trying again can work (throttled, Microsoft unavailable, the draft not saved yet)
        $('start-again').hidden = flow.outcome !== 'FAILED' || (encrypt && !flow.retryable);
        $('close-message').hidden = !(encrypt && flow.outcome === 'COMPLETED');
    }

    /**
     * The service sent the message and deleted the draft; the compose window still has it and its Send button, so it
     * is closed (Mailbox 1.3): nothing changed since it was saved, so Outlook does not ask to keep it.
     */
    function closeMessage() {
        const item = Office.context.mailbox.item;
        if (typeof item.close === 'function') {
            item.close();
        } else {
            $('flow-outcome').textContent = 'Your message was encrypted and sent. Close this window without sending it.';
        }
    }

    // ---- signing in -------------------------------------------------------------------------------------------

    function remembered() {
        try {
            const stored = JSON.parse(localStorage.getItem(STORE));
            return stored && stored.mailbox === state.mailbox && Date.parse(stored.expiresAt) > Date.now() ? stored : null;
        } catch (e) {
            return null;
        }
    }

    function forget() {
        state.session = null;
        localStorage.removeItem(STORE);
    }

    function signedIn(session) {
        state.session = session;
        if (session.remembered) {
            localStorage.setItem(STORE, JSON.stringify({token: session.token, expiresAt: session.expiresAt, mailbox: state.mailbox}));
        } else {
            localStorage.removeItem(STORE);
        }
        $('password').value = '';
        $('new-password').value = '';
        choose();
    }

    /**
     * Asks the service whether this message is to be encrypted or flagged (the account's rules by its recipients and
     * subject, else the domain's setting); Encrypt is then offered, Flag applied.
     */
    async function choose() {
        state.facts = await messageFacts();
        const reply = await call('POST', 'decision', state.facts, state.session.token);
        if (reply.status === 401 || reply.status === 403) {
            forget();
            showSignIn('Your sign-in has ended: sign in again.');
            return;
        }
        state.decision = reply.json && reply.json.encryptionType ? reply.json
            : {encryptionType: state.session.encryptionType};
        if (state.decision.encryptionType === 'ENCRYPT') {
            offerEncrypt();
        } else {
            protect();
        }
    }

    /** The message's recipients (To, Cc, Bcc) and subject as Outlook has them now; empty where it cannot tell. */
    function messageFacts() {
        const item = Office.context.mailbox.item;
        const read = function (field) {
            return new Promise(function (resolve) {
                if (!field || typeof field.getAsync !== 'function') {
                    resolve(null);
                    return;
                }
                field.getAsync(function (result) {
                    resolve(result.status === Office.AsyncResultStatus.Succeeded ? result.value : null);
                });
            });
        };
        return Promise.all([read(item.to), read(item.cc), read(item.bcc), read(item.subject)]).then(function (values) {
            const recipients = [];
            for (const list of values.slice(0, 3)) {
                for (const recipient of list || []) {
                    if (recipient && recipient.emailAddress) {
                        recipients.push(recipient.emailAddress);
                    }
                }
            }
            return {recipients: recipients, subject: values[3] || ''};
        });
    }

    /** Encrypt sends the message: it starts only when the sender asks, never by opening the pane. */
    function offerEncrypt() {
        clearErrors();
        show('signed-in');
        $('sender').textContent = state.session.federationId;
        $('flow-steps').replaceChildren();
        $('flow-outcome').className = 'outcome';
        $('flow-outcome').textContent = (state.decision && state.decision.rule
            ? 'Your organisation\'s rule: ' + state.decision.rule + '. ' : '')
            + 'The service encrypts this message and sends it to its recipients from your mailbox; the draft is then'
            + ' deleted.';
        $('start-again').hidden = true;
        $('encrypt-send').hidden = false;
    }

    async function submitSignIn(event) {
        event.preventDefault();
        clearErrors();
        const email = $('email').value.trim();
        $('sign-in-button').disabled = true;
        try {
            if (state.step === 'email') {
                const reply = await call('POST', 'sign-in/route', {email: email, mailbox: state.mailbox});
                if (reply.status !== 200) {
                    refusal(reply);
                } else if (reply.json.route === 'IDENTITY_PROVIDER') {
                    state.signInUrl = reply.json.signInUrl;
                    signInStep('identity-provider');
                } else {
                    signInStep('password');
                }
                return;
            }
            const body = {email: email, password: $('password').value, mailbox: state.mailbox};
            if (state.step === 'new-password') {
                body.newPassword = $('new-password').value;
            }
            const reply = await call('POST', 'sign-in/password', body);
            if (reply.status === 201) {
                signedIn(reply.json);
            } else if (reply.status === 409 && reply.json && reply.json.code === 'password_change_required') {
                signInStep('new-password');
            } else {
                if (state.step === 'password') {
                    $('password').value = '';
                }
                $('new-password').value = '';
                refusal(reply);
            }
        } finally {
            $('sign-in-button').disabled = false;
        }
    }

    /** The identity provider's pages may not be framed, so they open in an Office dialog that hands back the token. */
    function signInWithIdentityProvider() {
        clearErrors();
        Office.context.ui.displayDialogAsync(state.signInUrl, {height: 70, width: 40}, function (result) {
            if (result.status === Office.AsyncResultStatus.Failed) {
                problem('The sign-in window could not open (' + result.error.message + '). Allow pop-ups for Outlook and try again.');
                return;
            }
            const dialog = result.value;
            dialog.addEventHandler(Office.EventType.DialogMessageReceived, function (arg) {
                if (arg.origin !== undefined && arg.origin !== location.origin) {
                    return; // DialogOrigin 1.1 names the sender: only the service's own sign-in page counts
                }
                dialog.close();
                let message = null;
                try {
                    message = JSON.parse(arg.message);
                } catch (e) {
                    message = null;
                }
                if (message && message.session && message.session.token) {
                    signedIn(message.session);
                } else {
                    problem(message && message.error ? message.error : 'The sign-in did not finish. Try again.');
                }
            });
            dialog.addEventHandler(Office.EventType.DialogEventReceived, function () {
                problem('The sign-in window closed before you were signed in.');
            });
        });
    }

    async function signOut() {
        if (state.session) {
            await call('DELETE', 'session', undefined, state.session.token);
        }
        forget();
        $('email').value = state.mailbox;
        showSignIn(null);
    }

    // ---- protecting the message -------------------------------------------------------------------------------

    /** Starts the message's flow; for Flag, marks the message and reports how that went; for Encrypt, follows it. */
    async function protect() {
        clearErrors();
        show('signed-in');
        $('sender').textContent = state.session.federationId;
        $('start-again').hidden = true;
        $('encrypt-send').hidden = true;
        let body = state.facts || {};
        if ((state.decision || state.session).encryptionType === 'ENCRYPT') {
            // saved again first: what the sender changed after a failure is what is sent
            const draft = await savedDraft();
            if (draft.problem) {
                problem(draft.problem);
                $('flow-outcome').textContent = 'Your message was not sent.';
                $('start-again').hidden = false;
                return;
            }
            const failed = state.flow;
            if (failed && failed.outcome === 'FAILED' && failed.retryable && state.draftId === draft.id) {
                const retried = await call('POST', 'flows/' + encodeURIComponent(failed.id) + '/retry', undefined,
                    state.session.token);
                if (retried.status !== 409) {
                    await follow(retried);
                    return;
                }
            }
            state.draftId = draft.id;
            body = Object.assign({}, body, {messageId: draft.id});
        }
        $('flow-steps').replaceChildren();
        $('flow-outcome').textContent = 'Working…';
        const started = await call('POST', 'flows', body, state.session.token);
        if (started.status === 401 || started.status === 403) {
            forget();
            showSignIn('Your sign-in has ended: sign in again.');
            return;
        }
        if (!started.json || !started.json.steps) {
            refusal(started);
            $('start-again').hidden = false;
            return;
        }
        renderFlow(started.json);
        if (started.json.outcome !== 'IN_PROGRESS') {
            return;
        }
        if (started.json.encryptionType === 'ENCRYPT') {
            await follow(started);
            return;
        }
        const failure = await flag(state.session.flag);
        const reported = await call('POST', 'flows/' + encodeURIComponent(started.json.id) + '/steps',
            failure ? {step: 'FLAGGED', failure: failure} : {step: 'FLAGGED'}, state.session.token);
        if (reported.json && reported.json.steps) {
            renderFlow(reported.json);
        } else {
            refusal(reported);
        }
    }

    /** Shows an Encrypt flow step by step until the service has sent the message, or says why it did not. */
    async function follow(reply) {
        while (reply.json && reply.json.steps) {
            renderFlow(reply.json);
            if (reply.json.outcome === 'COMPLETED' && reply.json.encryptionType === 'ENCRYPT') {
                setTimeout(closeMessage, CLOSE_AFTER_MS);
            }
            if (reply.json.outcome !== 'IN_PROGRESS') {
                return;
            }
            await new Promise(function (resolve) { setTimeout(resolve, POLL_MS); });
            reply = await call('GET', 'flows/' + encodeURIComponent(reply.json.id), undefined, state.session.token);
        }
        if (reply.status === 401 || reply.status === 403) {
            forget();
            showSignIn('Your sign-in has ended: sign in again. The message is followed up by the service meanwhile.');
            return;
        }
        refusal(reply);
        $('start-again').hidden = false;
    }

    /** Saves the message being written and resolves to its REST id, or to why that is not possible here. */
    function savedDraft() {
        const mailbox = Office.context.mailbox;
        if (!Office.context.requirements.isSetSupported(MAILBOX_1_3[0], MAILBOX_1_3[1])
                || typeof mailbox.convertToRestId !== 'function') {
            return Promise.resolve({problem: 'This version of Outlook cannot hand a draft to the add-in (it needs'
                + ' Mailbox 1.3). Use Outlook on the web or a current Outlook, or ask your administrator to choose'
                + ' Flag for your domain.'});
        }
        return new Promise(function (resolve) {
            mailbox.item.saveAsync(function (saved) {
                if (saved.status === Office.AsyncResultStatus.Failed) {
                    resolve({problem: 'Outlook did not save the draft: ' + saved.error.message});
                    return;
                }
                resolve({id: mailbox.convertToRestId(saved.value, Office.MailboxEnums.RestVersion.v2_0)});
            });
        });
    }

    /** Resolves to null when the message carries the flag, else to why not, in plain words. */
    function flag(settings) {
        const item = Office.context.mailbox.item;
        return new Promise(function (resolve) {
            if (settings.type === 'HEADER') {
                if (!Office.context.requirements.isSetSupported(MAILBOX_1_8[0], MAILBOX_1_8[1])) {
                    resolve('This version of Outlook cannot add message headers (it needs Mailbox 1.8). Ask your'
                        + ' administrator to flag by subject instead, or use Outlook on the web.');
                    return;
                }
                const headers = {};
                headers[settings.headerName] = settings.headerValue;
                item.internetHeaders.setAsync(headers, function (result) {
                    resolve(result.status === Office.AsyncResultStatus.Failed
                        ? 'Outlook did not add the header ' + settings.headerName + ': ' + result.error.message : null);
                });
                return;
            }
            item.subject.getAsync(function (read) {
                if (read.status === Office.AsyncResultStatus.Failed) {
                    resolve('Outlook did not let the add-in read the subject: ' + read.error.message);
                    return;
                }
                const subject = read.value || '';
                if (subject.toLowerCase().includes(settings.subjectText.toLowerCase())) {
                    resolve(null);
                    return;
                }
                item.subject.setAsync(subject ? settings.subjectText + ' ' + subject : settings.subjectText, function (written) {
                    resolve(written.status === Office.AsyncResultStatus.Failed
                        ? 'Outlook did not change the subject: ' + written.error.message : null);
                });
            });
        });
    }

    async function start() {
        state.mailbox = Office.context.mailbox.userProfile.emailAddress;
        $('email').value = state.mailbox;
        $('sign-in-form').addEventListener('submit', submitSignIn);
        $('identity-provider-button').addEventListener('click', signInWithIdentityProvider);
        $('other-address').addEventListener('click', function () {
            clearErrors();
            signInStep('email');
        });
        $('sign-out').addEventListener('click', signOut);
        $('start-again').addEventListener('click', protect);
        $('close-message').addEventListener('click', closeMessage);
        $('encrypt-send').addEventListener('click', protect);
        const stored = remembered();
        if (!stored) {
            showSignIn(null);
            return;
        }
        const reply = await call('GET', 'session', undefined, stored.token);
        if (reply.status === 200) {
            reply.json.token = stored.token;
            state.session = reply.json;
            choose();
        } else {
            forget();
            showSignIn(null);
        }
    }

    Office.onReady(function () {
        if (!Office.context || !Office.context.mailbox || !Office.context.mailbox.item) {
            $('starting').textContent = 'This is the Secure Send add-in for Outlook. Open it from a message you are'
                + ' writing: choose Secure Send on the ribbon.';
            return;
        }
        start();
    });
})();
