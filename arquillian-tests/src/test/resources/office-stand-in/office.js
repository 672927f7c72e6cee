/*
 * A small stand-in for Office.js in Outlook, for the add-in's browser tests: the parts of the API the add-in uses,
 * each call recorded in window.officeStandIn.calls. A test sets the mailbox before loading a page, as JSON in
 * sessionStorage "officeStandIn": {mailbox, subject, mailboxRequirement ("1.8" by default), failSubjectWrite,
 * outsideOutlook (the page opened in a plain browser: no mailbox, as Office.js then has none), restId (what
 * convertToRestId answers for the saved draft), to, cc, bcc (lists of addresses)}.
 * The dialog API opens a real window; messageParent in it reaches the task pane by postMessage.
 */
(function () {
    'use strict';
    const setup = JSON.parse(sessionStorage.getItem('officeStandIn') || '{}');
    const standIn = window.officeStandIn = {
        calls: [],
        item: {subject: setup.subject || '', headers: {}}
    };
    const Succeeded = 'succeeded';
    const Failed = 'failed';

    function record(method, args) {
        standIn.calls.push({method: method, args: JSON.parse(JSON.stringify(args === undefined ? null : args))});
    }

    function later(callback, result) {
        setTimeout(function () { callback(result); }, 0);
    }

    function versionAtLeast(have, want) {
        const a = have.split('.').map(Number);
        const b = want.split('.').map(Number);
        return a[0] > b[0] || a[0] === b[0] && (a[1] || 0) >= (b[1] || 0);
    }

    function recipients(field) {
        return {
            getAsync: function (options, callback) {
                const done = typeof options === 'function' ? options : callback;
                record('item.' + field + '.getAsync');
                later(done, {status: Succeeded, value: (setup[field] || []).map(function (address) {
                    return {emailAddress: address, displayName: address};
                })});
            }
        };
    }

    const dialogHandlers = {};
    let dialogWindow = null;
    window.addEventListener('message', function (event) {
        if (event.origin !== location.origin || !event.data || event.data.officeStandInDialog === undefined) {
            return;
        }
        record('dialog.messageReceived', {message: event.data.officeStandInDialog, targetOrigin: event.data.targetOrigin});
        const handler = dialogHandlers['dialogMessageReceived'];
        if (handler) {
            handler({message: event.data.officeStandInDialog, origin: event.origin});
        }
    });

    window.Office = {
        AsyncResultStatus: {Succeeded: Succeeded, Failed: Failed},
        EventType: {DialogMessageReceived: 'dialogMessageReceived', DialogEventReceived: 'dialogEventReceived'},
        MailboxEnums: {RestVersion: {v1_0: 'v1.0', v2_0: 'v2.0', Beta: 'beta'}},
        onReady: function (callback) {
            record('onReady');
            const info = {host: 'Outlook', platform: 'OfficeOnline'};
            return new Promise(function (resolve) {
                setTimeout(function () {
                    if (callback) {
                        callback(info);
                    }
                    resolve(info);
                }, 0);
            });
        },
        context: {
            requirements: {
                isSetSupported: function (name, version) {
                    record('requirements.isSetSupported', [name, version]);
                    return name === 'Mailbox' && versionAtLeast(setup.mailboxRequirement || '1.8', version)
                        || name === 'DialogOrigin' && versionAtLeast('1.1', version);
                }
            },
            mailbox: {
                userProfile: {emailAddress: setup.mailbox || 'nobody@example.com', displayName: 'Stand-in'},
                convertToRestId: function (itemId, restVersion) {
                    record('mailbox.convertToRestId', [itemId, restVersion]);
                    return setup.restId || itemId.replace(/\//g, '-').replace(/\+/g, '_');
                },
                item: {
                    to: recipients('to'),
                    cc: recipients('cc'),
                    bcc: recipients('bcc'),
                    close: function () {
                        record('item.close');
                    },
                    saveAsync: function (options, callback) {
                        const done = typeof options === 'function' ? options : callback;
                        record('item.saveAsync');
                        later(done, {status: Succeeded, value: 'AAMkAGI2TG93AAA/EWS+id'});
                    },
                    subject: {
                        getAsync: function (callback) {
                            record('item.subject.getAsync');
                            later(callback, {status: Succeeded, value: standIn.item.subject});
                        },
                        setAsync: function (subject, options, callback) {
                            const done = typeof options === 'function' ? options : callback;
                            record('item.subject.setAsync', subject);
                            if (setup.failSubjectWrite) {
                                later(done, {status: Failed, error: {code: 9041, message: 'The item is read-only.'}});
                                return;
                            }
                            standIn.item.subject = subject;
                            later(done, {status: Succeeded});
                        }
                    },
                    internetHeaders: {
                        setAsync: function (headers, options, callback) {
                            const done = typeof options === 'function' ? options : callback;
                            record('item.internetHeaders.setAsync', headers);
                            Object.assign(standIn.item.headers, headers);
                            later(done, {status: Succeeded});
                        }
                    }
                }
            },
            ui: {
                displayDialogAsync: function (url, options, callback) {
                    record('ui.displayDialogAsync', [url, options]);
                    dialogWindow = window.open(url, 'office-dialog', 'width=480,height=640');
                    const dialog = {
                        addEventHandler: function (type, handler) {
                            dialogHandlers[type] = handler;
                        },
                        close: function () {
                            record('dialog.close');
                            if (dialogWindow) {
                                dialogWindow.close();
                            }
                        }
                    };
                    later(callback, dialogWindow ? {status: Succeeded, value: dialog}
                        : {status: Failed, error: {code: 12009, message: 'The user chose to ignore the dialog box.'}});
                },
                messageParent: function (message, options) {
                    record('ui.messageParent', [message, options || null]);
                    const target = options && options.targetOrigin;
                    window.opener.postMessage({officeStandInDialog: message, targetOrigin: target || null}, target || location.origin);
                }
            }
        }
    };
    if (setup.outsideOutlook) {
        delete window.Office.context.mailbox;
    }
})();
