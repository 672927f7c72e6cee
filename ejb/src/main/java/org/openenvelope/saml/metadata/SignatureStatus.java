package org.openenvelope.saml.metadata;

/** What the signature of an imported metadata document proved. */
public enum SignatureStatus {
    /** Signed by a pinned certificate, or by one that chains to a trusted CA. */
    VERIFIED,
    /** Signed, and the signature matches the certificate it carries, which nothing vouches for. */
    SELF_SIGNED,
    UNSIGNED
}
