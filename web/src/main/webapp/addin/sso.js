/*
 * The sign-in dialog's last page: the identity provider has signed the sender in to the user portal in this
 * window; exchange that for the add-in's token and hand it to the task pane, which closes the dialog.
 */
'use strict';
Office.onReady(async function () {
    const status = document.getElementById('sso-status');
    const mailbox = new URLSearchParams(location.search).get('mailbox');
    let message;
    try {
        const response = await fetch(new URL('../api/addin/v1/sign-in/identity-provider', location.href).toString(), {
            method: 'POST', credentials: 'same-origin', cache: 'no-store',
            headers: {'Content-Type': 'application/json', 'Accept': 'application/json'},
            body: JSON.stringify({mailbox: mailbox})
        });
        const json = await response.json();
        message = response.status === 201 ? {session: json} : {error: json.message};
    } catch (e) {
        message = {error: 'The service cannot be reached. Check your connection and try again.'};
    }
    status.textContent = message.session ? 'Signed in. This window closes by itself.' : message.error;
    // Only to the task pane's origin (the service's own), where Office supports saying so.
    if (Office.context.requirements.isSetSupported('DialogOrigin', '1.1')) {
        Office.context.ui.messageParent(JSON.stringify(message), {targetOrigin: location.origin});
    } else {
        Office.context.ui.messageParent(JSON.stringify(message));
    }
});
