package org.openenvelope.addin;

/** What the add-in does with a message of a domain: encrypt it through the service now, or flag it for the gateway. */
public enum EncryptionType {
    ENCRYPT, FLAG
}
