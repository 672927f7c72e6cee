package org.openenvelope.error;

/**
 * A refusal the caller can act on. It carries a stable machine-readable code (used by the REST API) and a
 * message written for a person; it never carries secrets.
 */
public abstract class ServiceException extends RuntimeException {

    private final String code;

    protected ServiceException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
