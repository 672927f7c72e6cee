package org.openenvelope.saml.metadata;

/** An IdP metadata document was refused; the message says why, for the administrator who uploaded it. */
public class MetadataRejectedException extends RuntimeException {

    public MetadataRejectedException(String message) {
        super(message);
    }
}
