package org.openenvelope.saml;

import java.security.cert.X509Certificate;
import java.util.List;
import org.openenvelope.error.InvalidValueException;
import org.openenvelope.saml.metadata.MetadataUrl;

/**
 * Where an IdP configuration read from metadata came from, and how later reads are trusted: a file, or an https
 * URL that is re-read every {@code refreshHours}; {@code anchors} are kept in more secure mode so a refresh is
 * verified as strictly as the import.
 */
public record MetadataSource(String url, boolean moreSecure, List<X509Certificate> anchors, Integer refreshHours) {

    public static final int DEFAULT_REFRESH_HOURS = 24;
    public static final int MAX_REFRESH_HOURS = 168;

    public MetadataSource {
        anchors = List.copyOf(anchors);
        if (url != null) {
            url = MetadataUrl.valid(url);
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

    public ConfigurationSource configurationSource() {
        return url == null ? ConfigurationSource.METADATA_FILE : ConfigurationSource.METADATA_URL;
    }
}
