package org.openenvelope.envelope;

/** How the sender addressed a recipient. Bcc recipients may open the envelope; no one else learns of them. */
public enum RecipientKind {
    TO, CC, BCC
}
