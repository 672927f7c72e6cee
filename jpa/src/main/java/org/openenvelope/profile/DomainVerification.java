package org.openenvelope.profile;

/** How a profile entry's claim was proved, if it was. */
public enum DomainVerification {
    /** Claimed only: routes nothing. */
    UNVERIFIED,
    /** The TXT record shown for the entry was found at its domain. */
    DNS,
    /** A service administrator vouched for it (and entries that existed before verification did). */
    ADMINISTRATOR
}
