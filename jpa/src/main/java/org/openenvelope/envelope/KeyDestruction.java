package org.openenvelope.envelope;

/** Why an envelope's key was destroyed; every copy of the envelope is unreadable from then on. */
public enum KeyDestruction {
    /** Expired, and the grace period in which the sender could still extend it is over. */
    EXPIRED,
    /** Revoked for every recipient. */
    REVOKED
}
