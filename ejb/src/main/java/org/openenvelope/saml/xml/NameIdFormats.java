package org.openenvelope.saml.xml;

import java.util.List;

/** The NameID formats the service accepts and publishes in its metadata. */
public final class NameIdFormats {

    public static final String TRANSIENT = "urn:oasis:names:tc:SAML:2.0:nameid-format:transient";
    public static final String UNSPECIFIED = "urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified";
    public static final String EMAIL_ADDRESS = "urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress";

    public static final List<String> ACCEPTED = List.of(TRANSIENT, UNSPECIFIED, EMAIL_ADDRESS);

    private NameIdFormats() {
    }
}
