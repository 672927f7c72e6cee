package org.openenvelope.error;

import jakarta.ejb.ApplicationException;

/**
 * The thing asked for does not exist, or exists but belongs to another account. Both cases read the same so
 * that an account administrator cannot probe which account numbers exist.
 */
@ApplicationException(rollback = true)
public class ResourceNotFoundException extends ServiceException {

    public ResourceNotFoundException(String message) {
        super("not_found", message);
    }
}
