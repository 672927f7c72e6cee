package org.openenvelope.saml.xml;

/** An XML document was refused before anything in it was used; the message says why, for a person. */
public class XmlRejectedException extends RuntimeException {

    public XmlRejectedException(String message) {
        super(message);
    }
}
