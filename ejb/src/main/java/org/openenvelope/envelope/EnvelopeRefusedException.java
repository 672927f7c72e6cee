package org.openenvelope.envelope;

import jakarta.ejb.ApplicationException;

/**
 * The envelope does not open for this recipient now. The refusal's audit entry is committed all the same.
 */
@ApplicationException(rollback = false)
public class EnvelopeRefusedException extends RuntimeException {

    private final EnvelopeRefusal refusal;
    private final String lockReason;

    public EnvelopeRefusedException(EnvelopeRefusal refusal, String message, String lockReason) {
        super(message);
        this.refusal = refusal;
        this.lockReason = lockReason;
    }

    public EnvelopeRefusal refusal() {
        return refusal;
    }

    /** The sender's words when it is locked, else null. */
    public String lockReason() {
        return lockReason;
    }
}
