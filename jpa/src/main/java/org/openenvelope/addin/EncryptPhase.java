package org.openenvelope.addin;

/**
 * Where an Encrypt flow stands between the sender's draft and the message sent as the sender. Each phase is
 * committed before the next Microsoft Graph call, so that a resumed flow knows what Graph may already have done.
 */
public enum EncryptPhase {
    /** Nothing exists in the mailbox yet (an envelope sealed before a restart is discarded and sealed again). */
    PENDING,
    /** The outgoing message exists as a draft, its attachment perhaps not whole: deleted and made again on resume. */
    CREATED,
    /** The outgoing message is complete and not yet sent. */
    READY,
    /** Send was asked for; whether Graph took it is asked of the outgoing message itself before sending again. */
    SENDING,
    /** Sent; the sender's own draft is still to be deleted. */
    SENT,
    /** Sent and the draft deleted. */
    DONE
}
