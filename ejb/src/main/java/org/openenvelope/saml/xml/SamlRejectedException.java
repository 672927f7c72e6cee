package org.openenvelope.saml.xml;

import jakarta.ejb.ApplicationException;

/**
 * A SAML message failed a named check. {@link #detail()} explains it to an administrator (expected and received
 * values, the IdP's status); it may quote the message but never keys or other secrets.
 */
@ApplicationException(rollback = true)
public class SamlRejectedException extends RuntimeException {

    private final SamlFailure failure;

    public SamlRejectedException(SamlFailure failure, String detail) {
        super(failure.code() + ": " + detail);
        this.failure = failure;
    }

    public SamlRejectedException(SamlFailure failure, String detail, Throwable cause) {
        super(failure.code() + ": " + detail, cause);
        this.failure = failure;
    }

    public SamlFailure failure() {
        return failure;
    }

    public String detail() {
        return getMessage().substring(failure.code().length() + 2);
    }
}
