package org.openenvelope.error;

import jakarta.ejb.ApplicationException;

/** A single input value is wrong; {@link #field()} names the form field or JSON property. */
@ApplicationException(rollback = true)
public class InvalidValueException extends ServiceException {

    private final String field;

    public InvalidValueException(String field, String message) {
        super("invalid_value", message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
