package org.openenvelope.saml.metadata;

import java.net.URI;
import java.net.URISyntaxException;
import org.openenvelope.error.InvalidValueException;

/** The URL an identity provider's metadata is read from, as an administrator may give it. */
public final class MetadataUrl {

    public static final int MAX_LENGTH = 2048;

    private MetadataUrl() {
    }

    /** An absolute https URL without credentials in it: metadata decides whom the service trusts. */
    public static String valid(String candidate) {
        String value = candidate == null ? "" : candidate.strip();
        if (value.isEmpty()) {
            throw new InvalidValueException("metadataUrl", "Enter the https URL of the identity provider's metadata.");
        }
        if (value.length() > MAX_LENGTH) {
            throw new InvalidValueException("metadataUrl", "The metadata URL is longer than " + MAX_LENGTH + " characters.");
        }
        try {
            URI uri = new URI(value);
            if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
                throw new InvalidValueException("metadataUrl", "The metadata URL must start with https:// and name a host;"
                        + " metadata over plain http could be altered on the way.");
            }
            if (uri.getRawUserInfo() != null) {
                throw new InvalidValueException("metadataUrl", "The metadata URL must not contain a user name or password.");
            }
            return uri.toString();
        } catch (URISyntaxException e) {
            throw new InvalidValueException("metadataUrl", "The metadata URL is not a valid URL: " + e.getReason() + ".");
        }
    }
}
