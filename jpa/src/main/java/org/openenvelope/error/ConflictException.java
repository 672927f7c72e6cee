package org.openenvelope.error;

import jakarta.ejb.ApplicationException;

/** The request is well-formed but contradicts the current state (e.g. removing the last administrator). */
@ApplicationException(rollback = true)
public class ConflictException extends ServiceException {

    private final String field;

    public ConflictException(String field, String message) {
        super("conflict", message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
