package org.openenvelope.envelope;

import jakarta.ejb.ApplicationException;

/**
 * A ciphertext that does not belong to the envelope record it is shown with, or was altered. The message says
 * which check failed, never any content.
 */
@ApplicationException(rollback = true)
public class EnvelopeTamperedException extends RuntimeException {

    public EnvelopeTamperedException(String message) {
        super(message);
    }
}
