package org.openenvelope.addin;

/** How a flagged message is marked for the gateway: text added to the subject, or an {@code X-} header. */
public enum FlagType {
    SUBJECT, HEADER
}
