package org.openenvelope.envelope;

/** How a recipient answers from the reading page; each is itself an envelope. */
public enum ReplyKind {
    /** To the sender only. */
    REPLY,
    /** To the sender and every other To and Cc recipient (never a Bcc recipient). */
    REPLY_ALL,
    /** To addresses the recipient names, with the original message attached. */
    FORWARD
}
