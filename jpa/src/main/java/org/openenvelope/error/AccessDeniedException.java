package org.openenvelope.error;

import jakarta.ejb.ApplicationException;

/** The caller is known but their role does not allow this operation. */
@ApplicationException(rollback = true)
public class AccessDeniedException extends ServiceException {

    public AccessDeniedException(String message) {
        super("forbidden", message);
    }
}
