package org.openenvelope.mail;

import jakarta.ejb.ApplicationException;

/** The relay could not be reached or refused a message; what was committed before sending stays committed. */
@ApplicationException(rollback = false)
public class MailTransportException extends RuntimeException {

    public MailTransportException(String message, Throwable cause) {
        super(message, cause);
    }
}
