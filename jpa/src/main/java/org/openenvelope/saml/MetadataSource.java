package org.openenvelope.saml;

import java.net.URI;
import java.net.URISyntaxException;
import java.security.cert.X509Certificate;
import java.util.List;
import org.openenvelope.error.InvalidValueException;

/**
 * Where an IdP configuration read from metadata came from, and how later reads are trusted: a file, or an https
 * URL that is re-read every {@code refreshHours}; {@code anchors} are kept in more secure mode so a refresh is
 * verified as strictly as the import.
 */
public record MetadataSource(String url, boolean moreSecure, List<X509Certificate> anchors, Integer refreshHours) {

    public static final int DEFAULT_REFRESH_HOURS = 24;
    public static final int MAX_REFRESH_HOURS = 168;
    public static final int MAX_URL = 2048;

    public MetadataSource {
        anchors = List.copyOf(anchors);
        if (url != null) {
            url = validUrl(url);
            refreshHours = refreshHours == null ? DEFAULT_REFRESH_HOURS : refreshHours;
            if (refreshHours < 1 || refreshHours > MAX_REFRESH_HOURS) {
                throw new InvalidValueException("refreshHours", "Refresh every 1 to " + MAX_REFRESH_HOURS
                        + " hours; " + refreshHours + " is out of range.");
            }
        } else {
            refreshHours = null;
        }
    }

    public static MetadataSource file(boolean moreSecure, List<X509Certificate> anchors) {
        return new MetadataSource(null, moreSecure, anchors, null);
    }

    /** An absolute https URL without credentials in it: metadata decides whom the service trusts. */
    public static String validUrl(String candidate) {
        String value = candidate == null ? "" : candidate.strip();
        if (value.isEmpty()) {
            throw new InvalidValueException("metadataUrl", "Enter the https URL of the identity provider's metadata.");
        }
        if (value.length() > MAX_URL) {
            throw new InvalidValueException("metadataUrl", "The metadata URL is longer than " + MAX_URL + " characters.");
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

    public ConfigurationSource configurationSource() {
        return url == null ? ConfigurationSource.METADATA_FILE : ConfigurationSource.METADATA_URL;
    }
}
