package org.openenvelope.saml;

/** Where an identity provider configuration came from. */
public enum ConfigurationSource {
    MANUAL, METADATA_FILE, METADATA_URL
}
